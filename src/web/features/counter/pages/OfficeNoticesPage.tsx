import '../i18n/index.ts';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isValidNationalId, normalizeNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { AppealsFiled, AppealTime, appealEntryOf } from '#web/ui/AppealTime.tsx';
import { CountingRule, DeadlineLine } from '#web/ui/DeadlineLine.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { localDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useLookupCitizen, type CitizenCard } from '../api/citizens';
import { useAskConsent, useConfirmConsent } from '../api/consents';
import { officeNoticePdfUrl, useOfficeNotices, useOpenAtOffice } from '../api/office-notices';
import { servingNationalId, setServingNationalId, storedGrant, storeGrant, type StoredGrant } from '../serving-citizen';

type NoticeRow = NonNullable<ReturnType<typeof useOfficeNotices>['data']>['items'][number];

/**
 * /counter/notices — an operator reads a citizen's notices on their behalf. It starts from the
 * citizen the counter is serving (or a national ID typed here): one button sends the consent code
 * by SMS to the citizen's registered mobile, one field takes it back, and the notices are listed.
 * Opening one records its delivery through this office and charges the notice-page tariff.
 */
export function OfficeNoticesPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const location = useLocation();
  const carried = (location.state as { nationalId?: string } | null)?.nationalId ?? servingNationalId();
  const [nationalId, setNationalId] = useState(carried ?? '');
  const [citizen, setCitizen] = useState<CitizenCard | null>(null);
  const [grant, setGrant] = useState<StoredGrant | null>(null);
  const lookup = useLookupCitizen();

  const find = (id: string) => {
    const latin = toLatinDigits(id).replace(/[\s-]/g, '');
    if (!isValidNationalId(latin)) return;
    const normalized = normalizeNationalId(latin);
    setCitizen(null);
    setGrant(null);
    lookup.mutate(normalized, {
      onSuccess: (c) => {
        setCitizen(c);
        setServingNationalId(normalized);
        setGrant(storedGrant(normalized, Date.now()));
      },
    });
  };
  // The citizen carried over from the counter is looked up at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !carried) return;
    started.current = true;
    find(carried);
  });

  const other = () => {
    setCitizen(null);
    setGrant(null);
    setNationalId('');
    setServingNationalId(null);
    storeGrant(null);
    lookup.reset();
  };

  return (
    <Stack data-testid="office-notices-page">
      <PageTitle title={t('counter.notices.title')} subtitle={t('counter.notices.subtitle')} />
      {!citizen ? (
        <Card withBorder>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              find(nationalId);
            }}
            noValidate
            data-testid="office-notices-lookup"
          >
            <Group align="flex-start">
              <NationalIdField
                value={nationalId}
                onChange={setNationalId}
                required
                data-testid="office-notices-national-id"
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                mt={25}
                loading={lookup.isPending}
                disabled={!isValidNationalId(toLatinDigits(nationalId))}
                data-testid="office-notices-find"
              >
                {t('counter.start.find')}
              </Button>
            </Group>
          </form>
          <ProblemAlert error={lookup.error} />
        </Card>
      ) : (
        <Card withBorder data-testid="office-notices-citizen">
          <Group justify="space-between">
            <Stack gap={2}>
              <Text fw={700} data-testid="office-notices-citizen-name">
                {citizen.firstName} {citizen.lastName}
              </Text>
              <Text size="sm" c="dimmed">
                {t('counter.start.mobile')}: <bdi dir="ltr">{localDigits(citizen.maskedMobile, lang)}</bdi>
              </Text>
            </Stack>
            <Button variant="subtle" size="xs" onClick={other} data-testid="office-notices-other">
              {t('counter.start.otherCitizen')}
            </Button>
          </Group>
        </Card>
      )}
      {citizen && !grant ? (
        <ConsentByCode
          nationalId={normalizeNationalId(toLatinDigits(nationalId))}
          maskedMobile={citizen.maskedMobile}
          onGranted={(g) => {
            storeGrant(g);
            setGrant(g);
          }}
        />
      ) : null}
      {citizen && grant ? <NoticesOfCitizen grant={grant} /> : null}
    </Stack>
  );
}

/** One button sends the code to the citizen's mobile; one field takes it back. */
function ConsentByCode({
  nationalId,
  maskedMobile,
  onGranted,
}: {
  nationalId: string;
  maskedMobile: string;
  onGranted: (grant: StoredGrant) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const ask = useAskConsent();
  const confirm = useConfirmConsent();
  const [code, setCode] = useState('');
  const codeErrors = fieldErrorsOf(confirm.error, lang);
  const mobile = `\u2066${localDigits(ask.data?.sentTo ?? maskedMobile, lang)}\u2069`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(
      { nationalId, purpose: 'notice-page', code },
      {
        onSuccess: (consent) =>
          onGranted({ nationalId, citizenId: consent.citizenId, consentId: consent.id, expiresAt: consent.expiresAt }),
      },
    );
  };

  return (
    <Card withBorder bg="gray.0" data-testid="office-notices-consent">
      <Stack>
        <Title order={2} size="h5">
          {t('counter.consent.title.notice-page')}
        </Title>
        <Text size="sm">{t('counter.notices.explain')}</Text>
        <Group>
          <Button
            variant={ask.data ? 'default' : 'filled'}
            onClick={() => ask.mutate({ nationalId, purpose: 'notice-page' })}
            loading={ask.isPending}
            data-testid="office-notices-send-code"
          >
            {ask.data ? t('counter.notices.resend') : t('counter.notices.send', { mobile })}
          </Button>
        </Group>
        <ProblemAlert error={ask.error} />
        {ask.data ? (
          <form onSubmit={submit} noValidate data-testid="office-notices-code-form">
            <Stack>
              <Alert color="indigo" variant="light" data-testid="office-notices-code-sent">
                {t('counter.consent.sent', { mobile })}
              </Alert>
              <ProblemAlert error={confirm.error} shownFields={['code']} />
              <Group align="flex-start">
                <TextInput
                  label={t('counter.consent.code')}
                  value={localDigits(code, lang)}
                  onChange={(e) => setCode(toLatinDigits(e.currentTarget.value).replace(/\D/g, '').slice(0, 6))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  dir="ltr"
                  maxLength={6}
                  required
                  error={codeErrors.code}
                  data-testid="office-notices-code"
                />
                <Button
                  type="submit"
                  mt={25}
                  loading={confirm.isPending}
                  disabled={code.length !== 6}
                  data-testid="office-notices-confirm"
                >
                  {t('counter.notices.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The citizen's notices under the consent, and the one opened. */
function NoticesOfCitizen({ grant }: { grant: StoredGrant }) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const ref = { citizenId: grant.citizenId, consentId: grant.consentId };
  const notices = useOfficeNotices(ref);
  const open = useOpenAtOffice();
  const opened = open.data;
  const navigate = useNavigate();
  // "Appeal this": where the catalog offers the appeal at an office.
  const appealOffered = (useCatalogServices().data?.items ?? []).some(
    (s) => s.code === 'appeal' && s.channels !== 'online',
  );
  const appealEntry = opened ? appealEntryOf(opened.notice) : null;

  const columns: DataColumn<NoticeRow>[] = [
    {
      key: 'notice',
      header: t('counter.notices.notice'),
      rowHeader: true,
      cell: (n) => (
        <>
          <Badge variant="light" me="xs">
            {t(`counter.notices.kinds.${n.kind}`, { defaultValue: n.kind })}
          </Badge>
          {n.title}
        </>
      ),
    },
    {
      key: 'case',
      header: t('counter.notices.case'),
      cell: (n) => (
        <>
          <RefNumber value={n.case.caseNumber} /> — {text(n.case.court.name)}
        </>
      ),
    },
    {
      key: 'issuedAt',
      header: t('counter.notices.issuedAt'),
      sortValue: (n) => n.issuedAt,
      cell: (n) => <JalaliDate value={n.issuedAt} />,
    },
    {
      key: 'state',
      header: t('counter.notices.state'),
      cell: (n) =>
        n.delivered ? (
          <>
            {t('counter.notices.delivered')} <JalaliDate value={n.deliveredAt} />
          </>
        ) : (
          <Badge color="red" variant="light">
            {t('counter.notices.notDelivered')}
          </Badge>
        ),
    },
    {
      key: 'open',
      header: t('counter.notices.open'),
      hideHeader: true,
      cell: (n) => (
        <Button
          size="xs"
          onClick={() => open.mutate({ ...ref, noticeId: n.id })}
          loading={open.isPending && open.variables?.noticeId === n.id}
          data-testid={`office-open-${n.id}`}
        >
          {t('counter.notices.open')}
        </Button>
      ),
    },
  ];

  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="office-notices-valid-until">
        {t('counter.notices.validUntil')} <JalaliDate value={grant.expiresAt} withTime />
      </Text>
      <DataTable
        testId="office-notices"
        label={t('counter.notices.listLabel')}
        columns={columns}
        rowKey={(n) => n.id}
        rows={notices.data?.items}
        isPending={notices.isPending}
        isFetching={notices.isFetching}
        error={notices.error}
        empty={t('counter.notices.empty')}
        pageSize="all"
        rowProps={() => ({ 'data-testid': 'office-notice-row' })}
      />
      <ProblemAlert error={open.error} />
      {opened ? (
        <Card withBorder data-testid="office-opened">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {opened.notice.title}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{opened.notice.body}</Text>
            {opened.notice.hearingAt ? (
              <Text fw={600}>
                {t('counter.notices.hearingAt')}: <JalaliDate value={opened.notice.hearingAt} withTime />
              </Text>
            ) : null}
            {appealEntry || opened.notice.appeals.length > 0 ? (
              <Alert color="blue" variant="outline" data-testid="office-appeal">
                <Stack gap="xs">
                  {appealEntry ? <AppealTime appeal={appealEntry.appeal} /> : null}
                  {/* An appeal already started from this decision is shown and continued, not started again. */}
                  <AppealsFiled appeals={opened.notice.appeals} />
                  {appealEntry && appealOffered && opened.notice.appeals.length === 0 ? (
                    <Group>
                      <Button
                        onClick={() =>
                          navigate('/filings/new?service=appeal', {
                            state: { applicantNationalId: grant.nationalId, appeal: appealEntry },
                          })
                        }
                        data-testid="office-appeal-start"
                      >
                        {t('counter.notices.appeal')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Alert>
            ) : null}
            {opened.notice.deadline ? (
              <Alert
                color="blue"
                data-testid="office-deadline"
                title={t('counter.notices.deadline', {
                  days: digits(opened.notice.deadline.days),
                  left: digits(opened.notice.deadline.daysLeft),
                })}
              >
                <Stack gap={4}>
                  <DeadlineLine lastDay={opened.notice.deadline.lastDay} moved={opened.notice.deadline.moved} />
                  <CountingRule />
                </Stack>
              </Alert>
            ) : null}
            <Group>
              <Text>
                {t('counter.notices.fee')}: <Money rials={opened.amountRials} />
              </Text>
              {opened.payment ? (
                <Anchor href={opened.payment.redirectUrl} data-testid="office-pay">
                  {t('counter.notices.pay')}
                </Anchor>
              ) : null}
              <Button
                component="a"
                href={officeNoticePdfUrl(opened.notice.id, ref)}
                download={`notice-${opened.notice.id}.pdf`}
                variant="light"
                data-testid="office-notice-pdf"
              >
                {t('counter.notices.pdf')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
