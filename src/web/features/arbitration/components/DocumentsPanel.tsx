/**
 * The parties' submissions and evidence: listed for whoever sees the case (each downloads them),
 * and for a party, while the case is before its arbitrators, the form that uploads one — a PDF,
 * JPEG or PNG the server checks by its content.
 */
import { Button, Card, FileButton, Group, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { DOCUMENT_KINDS } from '#server/modules/arbitration/values';
import { type ArbitrationCase, documentUrl, useUploadDocument } from '../api/arbitrations';

type Document = ArbitrationCase['documents'][number];
type Kind = (typeof DOCUMENT_KINDS)[number];
const ACCEPT = 'application/pdf,image/jpeg,image/png';
const OPEN: readonly ArbitrationCase['state'][] = [
  'consented',
  'arbitrators_appointed',
  'term_running',
  'award_drafted',
];

function UploadForm({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(kase.id);
  const [kind, setKind] = useState<Kind>('submission');
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const choose = (file: File | null) => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, kind, title: title.trim(), onProgress: setProgress },
      { onSettled: () => setProgress(null), onSuccess: () => setTitle('') },
    );
  };
  return (
    <Stack gap="xs" data-testid="arbitration-document-form">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('arbitration.documents.kind')}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`arbitration.documents.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as Kind)}
          allowDeselect={false}
          data-testid="arbitration-document-kind"
        />
        <TextInput
          label={t('arbitration.documents.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          data-testid="arbitration-document-title"
        />
        <FileButton onChange={choose} accept={ACCEPT}>
          {(props) => (
            <Button {...props} loading={upload.isPending} data-testid="arbitration-document-choose">
              {t('arbitration.documents.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('arbitration.documents.hint')}
      </Text>
      {progress != null ? <Progress value={progress * 100} animated /> : null}
      <ProblemAlert error={upload.error} />
    </Stack>
  );
}

export function DocumentsPanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const mayUpload = kase.viewer.partyId !== null && OPEN.includes(kase.state);
  if (!mayUpload && kase.documents.length === 0) return null;
  const partyOf = (d: Document) => kase.parties.find((p) => p.id === d.partyId);
  const columns: DataColumn<Document>[] = [
    {
      key: 'title',
      header: t('arbitration.documents.title'),
      rowHeader: true,
      cell: (d) => (
        <a href={documentUrl(kase.id, d.id)} data-testid={`arbitration-document-${d.id}`}>
          {d.title}
        </a>
      ),
    },
    { key: 'kind', header: t('arbitration.documents.kind'), cell: (d) => t(`arbitration.documents.kinds.${d.kind}`) },
    {
      key: 'party',
      header: t('arbitration.documents.by'),
      cell: (d) => {
        const p = partyOf(d);
        return p ? `${p.name} (${t(`arbitration.case.${p.role}`)})` : '';
      },
    },
    { key: 'pages', header: t('arbitration.documents.pages'), numeric: true, cell: (d) => digits(d.pages) },
    { key: 'at', header: t('arbitration.documents.at'), cell: (d) => <JalaliDate value={d.uploadedAt} withTime /> },
  ];
  return (
    <Card withBorder data-testid="arbitration-documents">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.documents.heading')}
      </Title>
      <Stack gap="sm">
        <DataTable
          testId="arbitration-documents-table"
          label={t('arbitration.documents.heading')}
          columns={columns}
          rowKey={(d) => d.id}
          rows={kase.documents}
          pageSize="all"
          minWidth={560}
          empty={t('arbitration.documents.none')}
        />
        {mayUpload ? <UploadForm kase={kase} /> : null}
      </Stack>
    </Card>
  );
}
