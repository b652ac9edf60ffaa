/**
 * The signed decision of a decision notice: its download, or — for whoever may issue notices — the
 * PDF to attach (once; the server checks it is a whole PDF by its content).
 */
import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAttachDecision } from '../api/attach-decision';
import type { CourtCase } from '../api/get-cases';

type Notice = CourtCase['notices'][number];

export function DecisionDocument({ notice, mayAttach }: { notice: Notice; mayAttach: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const attach = useAttachDecision(notice.id);
  const [file, setFile] = useState<File | null>(null);
  const [submitted, setSubmitted] = useState(false);
  if (notice.kind !== 'decision') return null;
  if (notice.document) {
    return (
      <Text size="sm" mt="xs">
        <b>{t('court.document.title')}:</b>{' '}
        <Anchor
          href={notice.document.downloadUrl}
          download={notice.document.fileName}
          data-testid="notice-document-link"
        >
          {t('court.document.download', { pages: digits(notice.document.pages) })}
        </Anchor>
      </Text>
    );
  }
  if (!mayAttach) return null;
  const server = fieldErrorsOf(attach.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!file) return;
    attach.mutate(file, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: t('court.document.done'),
          closeButtonProps: { 'aria-label': t('common.close') },
        }),
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="xs" mt="xs">
        <Group align="flex-end">
          <FileInput
            label={t('court.document.file')}
            accept="application/pdf"
            value={file}
            onChange={setFile}
            clearable
            error={server.file ?? (submitted && !file ? t('court.document.chooseFile') : undefined)}
            data-testid="decision-file"
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" loading={attach.isPending} data-testid="decision-attach">
            {t('court.document.attach')}
          </Button>
        </Group>
        <ProblemAlert error={attach.error} shownFields={['file']} />
      </Stack>
    </form>
  );
}
