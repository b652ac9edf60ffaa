import '../i18n/index.ts';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAcceptFiling, useReturnFiling } from '../api/decide-filing';
import { type CourtFiling, useCourtFiling } from '../api/get-court-filing';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { isolatedRefNumber } from '#web/ui/ref-number.ts';

function AcceptForm({ filing }: { filing: CourtFiling }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const navigate = useNavigate();
  const accept = useAcceptFiling(filing.id);
  // The branch the office asked for, when it named one, is the clerk's starting point.
  const [branch, setBranch] = useState<string | null>(filing.branch ? String(filing.branch) : null);
  const [touched, setTouched] = useState(false);
  const errors = fieldErrorsOf(accept.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!branch) return;
    accept.mutate(Number(branch), {
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('court.accept.done', { caseNumber: isolatedRefNumber(r.caseNumber, lang) }),
          closeButtonProps: { 'aria-label': t('common.close') },
        });
        navigate(`/court/cases/${r.caseId}`);
      },
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="accept-form">
      <Stack>
        <Title order={2} size="h4">
          {t('court.accept.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('court.accept.hint')}
        </Text>
        <Select
          label={t('court.fields.branch')}
          placeholder={t('court.accept.branchPlaceholder')}
          data={Array.from({ length: filing.court.branches }, (_, i) => ({
            value: String(i + 1),
            label: t('court.branchN', { n: digits(i + 1) }),
          }))}
          value={branch}
          onChange={setBranch}
          required
          error={errors.branch ?? (touched && !branch ? t('common.required') : undefined)}
          allowDeselect={false}
          data-testid="accept-branch"
        />
        <ProblemAlert error={accept.error} shownFields={['branch']} />
        <Group>
          <Button type="submit" color="teal" loading={accept.isPending} data-testid="accept-submit">
            {t('court.accept.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ReturnForm({ filing }: { filing: CourtFiling }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const ret = useReturnFiling(filing.id);
  const [reasons, setReasons] = useState('');
  const [touched, setTouched] = useState(false);
  const errors = fieldErrorsOf(ret.error, lang);
  const tooShort = reasons.trim().length < 5;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    ret.mutate(reasons.trim(), {
      onSuccess: () =>
        notifications.show({
          color: 'orange',
          message: t('court.return.done'),
          closeButtonProps: { 'aria-label': t('common.close') },
        }),
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="return-form">
      <Stack>
        <Title order={2} size="h4">
          {t('court.return.title')}
        </Title>
        <Textarea
          label={t('court.fields.reasons')}
          description={t('court.return.hint')}
          autosize
          minRows={3}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          required
          error={errors.reasons ?? (touched && tooShort ? t('court.return.tooShort') : undefined)}
          data-testid="return-reasons"
        />
        <ProblemAlert error={ret.error} shownFields={['reasons']} />
        <Group>
          <Button type="submit" color="orange" variant="outline" loading={ret.isPending} data-testid="return-submit">
            {t('court.return.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** /court/filings/:id — a filing under review, with the accept and return forms. */
export function CourtFilingPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { id = '' } = useParams();
  const filing = useCourtFiling(Number(id));
  const f = filing.data;
  const partyColumns: DataColumn<CourtFiling['parties'][number]>[] = [
    {
      key: 'role',
      header: t('court.fields.role'),
      cell: (p) => t(`court.roles.${p.role}`, { defaultValue: p.role }),
    },
    { key: 'name', header: t('court.fields.name'), rowHeader: true, cell: (p) => p.name },
    {
      key: 'nationalId',
      header: t('court.fields.nationalId'),
      cell: (p) => (p.nationalId ? <PersianDigits ltr>{p.nationalId}</PersianDigits> : '—'),
    },
    {
      key: 'eAccount',
      header: t('court.fields.eAccount'),
      cell: (p) => (p.hasEAccount ? t('court.yes') : t('court.no')),
    },
  ];
  const claimColumns: DataColumn<CourtFiling['claims'][number] & { index: number }>[] = [
    { key: 'description', header: t('court.filing.claim'), rowHeader: true, cell: (c) => c.description },
    {
      key: 'value',
      header: t('court.filing.value'),
      numeric: true,
      cell: (c) => (c.valueRials != null ? <Money rials={c.valueRials} /> : t('court.filing.nonMonetary')),
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('court.filing.title')}
        subtitle={f ? <RefNumber value={f.trackingCode ?? f.id} /> : undefined}
        actions={
          <Anchor component={Link} to="/court">
            {t('court.filing.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={filing.error} />
      {f ? (
        <>
          <Card withBorder data-testid="court-filing">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>
                <b>{t('court.fields.service')}:</b>{' '}
                {t(`court.services.${f.serviceCode}`, { defaultValue: f.serviceCode })}
              </Text>
              <Text>
                <b>{t('court.fields.status')}:</b>{' '}
                <span data-testid="court-filing-status">
                  <FilingStatusBadge status={f.status} />
                </span>
              </Text>
              <Text>
                <b>{t('court.fields.court')}:</b> {text(f.court.name)}
              </Text>
              <Text>
                <b>{t('court.fields.submittedAt')}:</b> <JalaliDate value={f.submittedAt} withTime />
              </Text>
              <Text>
                <b>{t('court.fields.channel')}:</b> {t(`court.channel.${f.channel}`)}
              </Text>
              {f.caseNumber ? (
                <Text>
                  <b>{t('court.fields.caseNumber')}:</b>{' '}
                  {f.caseId ? (
                    <Anchor component={Link} to={`/court/cases/${f.caseId}`}>
                      <RefNumber value={f.caseNumber} />
                    </Anchor>
                  ) : (
                    <RefNumber value={f.caseNumber} />
                  )}{' '}
                  — {t('court.branchN', { n: digits(f.branch ?? 0) })}
                </Text>
              ) : null}
            </SimpleGrid>
            <Title order={2} size="h5" mt="md">
              {t('court.fields.subject')}
            </Title>
            <Text>{f.subject}</Text>
            <Title order={2} size="h5" mt="md">
              {t('court.fields.facts')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{f.facts || '—'}</Text>
            {f.returnReasons ? (
              <Text c="orange" mt="md" data-testid="court-return-reasons">
                <b>{t('court.fields.reasons')}:</b> {f.returnReasons}
              </Text>
            ) : null}
          </Card>

          <Title order={2} size="h4">
            {t('court.fields.parties')}
          </Title>
          <DataTable
            testId="court-parties"
            label={t('court.fields.parties')}
            columns={partyColumns}
            rowKey={(p) => p.id}
            rows={f.parties}
            pageSize="all"
            minWidth={560}
          />

          <Title order={2} size="h4">
            {t('court.fields.claims')}
          </Title>
          <DataTable
            testId="court-claims"
            label={t('court.fields.claims')}
            columns={claimColumns}
            rowKey={(c) => c.index}
            rows={f.claims.map((c, index) => ({ ...c, index }))}
            pageSize="all"
            minWidth={420}
            empty="—"
          />

          <Title order={2} size="h4">
            {t('court.fields.attachments')}
          </Title>
          <Stack gap={4} data-testid="court-attachments">
            {f.attachments.map((a) => (
              <Group key={a.id} gap="xs">
                <Anchor href={a.downloadUrl} download={a.fileName} data-testid={`court-attachment-${a.id}`}>
                  {a.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  (<bdi dir="ltr">{a.fileName}</bdi> — {t('court.filing.pages', { n: digits(a.pages) })})
                </Text>
              </Group>
            ))}
            {f.attachments.length === 0 ? <Text c="dimmed">{t('court.filing.noAttachments')}</Text> : null}
          </Stack>

          {f.status === 'submitted' ? (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <AcceptForm filing={f} />
              <ReturnForm filing={f} />
            </SimpleGrid>
          ) : null}
        </>
      ) : filing.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
