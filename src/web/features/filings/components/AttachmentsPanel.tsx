import { Button, FileButton, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useRemoveAttachment, useUploadAttachment } from '../api/filing-steps';
import type { Filing } from '../api/get-filing';

const ACCEPT = 'application/pdf,image/jpeg,image/png';

type Attachment = Filing['attachments'][number];

const typeOf = (a: Attachment) =>
  a.mediaType === 'application/pdf' ? 'PDF' : a.mediaType === 'image/png' ? 'PNG' : 'JPEG';

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
  const columns: DataColumn<Attachment>[] = [
    {
      key: 'title',
      header: t('filings.attachments.title'),
      rowHeader: true,
      cell: (a) => <a href={`/api/v1/filings/${filing.id}/attachments/${a.id}`}>{a.title}</a>,
      footer: t('filings.attachments.totalPages'),
    },
    { key: 'type', header: t('filings.attachments.type'), cell: typeOf },
    {
      key: 'pages',
      header: t('filings.attachments.pages'),
      numeric: true,
      cell: (a) => digits(a.pages),
      footer: <span data-testid="attachments-pages">{digits(filing.pages)}</span>,
    },
    {
      key: 'size',
      header: t('filings.attachments.size'),
      numeric: true,
      cell: (a) => t('filings.attachments.kb', { n: kb(a.sizeBytes) }),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            header: t('filings.attachments.remove'),
            hideHeader: true,
            cell: (a: Attachment) => (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => remove.mutate(a.id)}
                aria-label={`${t('filings.attachments.remove')} ${a.title}`}
                data-testid={`attachment-${a.id}-remove`}
              >
                {t('filings.attachments.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack data-testid="attachments">
      <Text size="sm" c="dimmed">
        {t('filings.attachments.hint', {
          mb: digits(Math.round(filing.limits.maxFileBytes / 1048576)),
          perFile: digits(filing.limits.maxPagesPerFile),
          perFiling: digits(filing.limits.maxPagesPerFiling),
        })}
      </Text>
      <DataTable
        testId="attachments-table"
        label={t('filings.wizard.attachments')}
        columns={columns}
        rowKey={(a) => a.id}
        rows={filing.attachments}
        pageSize="all"
        minWidth={480}
        empty={t('filings.attachments.none')}
        rowProps={(a) => ({ 'data-testid': `attachment-${a.id}` })}
      />
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
