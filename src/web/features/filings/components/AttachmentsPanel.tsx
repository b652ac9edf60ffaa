import { Button, FileButton, Group, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useRemoveAttachment, useUploadAttachment } from '../api/filing-steps';
import type { Filing } from '../api/get-filing';

const ACCEPT = 'application/pdf,image/jpeg,image/png';

export function AttachmentsPanel({ filing, editable }: { filing: Filing; editable: boolean }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const upload = useUploadAttachment(filing.id);
  const remove = useRemoveAttachment(filing.id);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const choose = (file: File | null) => {
    if (!file) return;
    setLocalError(null);
    if (file.size > filing.limits.maxFileBytes) {
      setLocalError(
        t('filings.attachments.tooLarge', { mb: digits(Math.round(filing.limits.maxFileBytes / 1048576)) }),
      );
      return;
    }
    setProgress(0);
    upload.mutate(
      { file, title: title || file.name, onProgress: setProgress },
      { onSettled: () => setProgress(null), onSuccess: () => setTitle('') },
    );
  };
  const kb = (n: number) => digits(Math.max(1, Math.round(n / 1024)));
  return (
    <Stack data-testid="attachments">
      <Text size="sm" c="dimmed">
        {t('filings.attachments.hint', {
          mb: digits(Math.round(filing.limits.maxFileBytes / 1048576)),
          perFile: digits(filing.limits.maxPagesPerFile),
          perFiling: digits(filing.limits.maxPagesPerFiling),
        })}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('filings.attachments.title')}</Table.Th>
            <Table.Th>{t('filings.attachments.type')}</Table.Th>
            <Table.Th>{t('filings.attachments.pages')}</Table.Th>
            <Table.Th>{t('filings.attachments.size')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filing.attachments.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('filings.attachments.none')}</Table.Td>
            </Table.Tr>
          ) : null}
          {filing.attachments.map((a) => (
            <Table.Tr key={a.id} data-testid={`attachment-${a.id}`}>
              <Table.Td>
                <a href={`/api/v1/filings/${filing.id}/attachments/${a.id}`}>{a.title}</a>
              </Table.Td>
              <Table.Td>
                {a.mediaType === 'application/pdf' ? 'PDF' : a.mediaType === 'image/png' ? 'PNG' : 'JPEG'}
              </Table.Td>
              <Table.Td>{digits(a.pages)}</Table.Td>
              <Table.Td>{t('filings.attachments.kb', { n: kb(a.sizeBytes) })}</Table.Td>
              <Table.Td>
                {editable ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(a.id)}
                    data-testid={`attachment-${a.id}-remove`}
                  >
                    {t('filings.attachments.remove')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2} fw={700}>
              {t('filings.attachments.totalPages')}
            </Table.Td>
            <Table.Td fw={700} data-testid="attachments-pages">
              {digits(filing.pages)}
            </Table.Td>
            <Table.Td colSpan={2} />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group align="flex-end">
          <TextInput
            label={t('filings.attachments.newTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-testid="attachment-title"
          />
          <FileButton onChange={choose} accept={ACCEPT}>
            {(props) => (
              <Button {...props} loading={upload.isPending} data-testid="attachment-choose">
                {t('filings.attachments.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      ) : null}
      {progress != null ? <Progress value={progress * 100} animated data-testid="attachment-progress" /> : null}
      {localError ? (
        <Text c="red" size="sm" data-testid="attachment-error">
          {localError}
        </Text>
      ) : null}
      <ProblemAlert error={upload.error ?? remove.error} data-testid="attachment-problem" />
    </Stack>
  );
}
