import { Alert, Anchor, Badge, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isValidNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { LazySelect as Select } from '#web/ui/LazyPopovers.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { localDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { registerCitizen, sendRegistrationCode, useLookupCitizen, type CitizenCard } from '../api/citizens';
import { useAskConsent, useConfirmConsent, useStatusLookup, type ConsentPurpose } from '../api/consents';
import { useChargeService, useServiceQuote } from '../api/priced-services';
import { useAuth } from '#web/app/auth.tsx';
import { useOfficeServices } from '#web/features/catalog/api/services.ts';
import type { Ticket } from '../api/tickets';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { setServingNationalId } from '../serving-citizen';
import { isolatedRefNumber } from '#web/ui/ref-number.ts';
import { CONSENT_PURPOSES } from '#server/modules/records/values';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';
import { isolate } from '#web/ui/reading-direction.ts';

/** The registration form (with its date and province fields) is fetched when a citizen is to be registered. */
const EAccountForm = lazy(async () => ({ default: (await import('#web/ui/EAccountForm.tsx')).EAccountForm }));

const CONSENT_SERVICES: readonly ConsentPurpose[] = CONSENT_PURPOSES;

/** Start a service for the visitor: identify (or register) the citizen, choose a service, go. */
export function StartServicePanel({
  ticket,
  onCitizen,
}: {
  ticket: Ticket | null;
  onCitizen?: (citizenId: number | null) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lookup = useLookupCitizen();
  const services = useOfficeServices();
  const [nationalId, setNationalId] = useState('');
  const [citizen, setCitizenState] = useState<CitizenCard | null>(null);
  const setCitizen = (c: CitizenCard | null) => {
    setCitizenState(c);
    onCitizen?.(c?.id ?? null);
  };
  const [registering, setRegistering] = useState(false);
  const [registrationFee, setRegistrationFee] = useState<{
    amountRials: number;
    paymentId: number;
    receiptNumber: string;
  } | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [consentFor, setConsentFor] = useState<ConsentPurpose | null>(null);
  const [pricedFor, setPricedFor] = useState<string | null>(null);

  const notRegistered = isApiError(lookup.error) && lookup.error.code === 'eaccount_not_found';
  const reset = () => {
    setCitizen(null);
    setRegistering(false);
    setService(null);
    setConsentFor(null);
    setPricedFor(null);
    lookup.reset();
  };

  const find = (e: FormEvent) => {
    e.preventDefault();
    if (!isValidNationalId(nationalId)) return;
    reset();
    lookup.mutate(nationalId, {
      onSuccess: (c) => {
        setCitizen(c);
        setServingNationalId(toLatinDigits(nationalId));
      },
    });
  };

  const chosen = services.data?.find((s) => s.code === service);
  const start = () => {
    if (!citizen || !chosen) return;
    if (chosen.kind === 'filing') {
      // The citizen just looked up goes on by national ID (in the router state, not the address bar).
      navigate(`/filings/new?service=${chosen.code}${ticket ? `&ticketId=${ticket.id}` : ''}`, {
        state: { applicantNationalId: toLatinDigits(nationalId) },
      });
    } else if (chosen.code === 'notice-page') {
      // The notices are read on their own page, for the citizen just looked up.
      navigate('/counter/notices', { state: { nationalId: toLatinDigits(nationalId) } });
    } else if ((CONSENT_SERVICES as string[]).includes(chosen.code)) {
      setConsentFor(chosen.code as ConsentPurpose);
    } else if (isPriced(chosen)) {
      setPricedFor(chosen.code);
    }
  };
  const startable =
    !!chosen && (chosen.kind === 'filing' || (CONSENT_SERVICES as string[]).includes(chosen.code) || isPriced(chosen));

  return (
    <Card withBorder padding="lg" data-testid="start-service-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('counter.start.title')}
          </Title>
          {ticket ? (
            <Badge size="lg" variant="light" data-testid="start-ticket">
              {t('counter.start.forTicket', { n: digits(ticket.number) })}
            </Badge>
          ) : null}
        </Group>

        <form onSubmit={find} noValidate data-testid="citizen-lookup-form">
          <Group align="flex-start">
            <NationalIdField
              value={nationalId}
              onChange={(v) => setNationalId(v)}
              required
              data-testid="lookup-national-id"
              style={{ flex: 1 }}
            />
            <Button
              type="submit"
              mt={25}
              loading={lookup.isPending}
              disabled={!isValidNationalId(nationalId)}
              data-testid="lookup-submit"
            >
              {t('counter.start.find')}
            </Button>
          </Group>
        </form>
        {lookup.error && !notRegistered ? <ProblemAlert error={lookup.error} /> : null}

        {notRegistered && !registering ? (
          <Alert color="yellow" variant="light" data-testid="citizen-not-registered">
            <Stack gap="xs">
              <Text size="sm">{t('counter.start.notRegistered')}</Text>
              <Group>
                <Button size="xs" onClick={() => setRegistering(true)} data-testid="register-new">
                  {t('counter.start.registerNew')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        {registering ? (
          <Card withBorder bg="gray.0" data-testid="inline-registration">
            <Title order={3} size="h5" mb="sm">
              {t('counter.start.registerTitle')}
            </Title>
            <Suspense fallback={<Loader size="sm" role="status" aria-label={t('common.loading')} />}>
              <EAccountForm
                mode="office"
                initialNationalId={nationalId}
                sendCode={sendRegistrationCode}
                submit={async (input) => {
                  const result = await registerCitizen({ ...input, ...(ticket ? { ticketId: ticket.id } : {}) });
                  // The registration is a charged service of today: today's work shows it.
                  void queryClient.invalidateQueries({ queryKey: ['counter'] });
                  const e = result.eaccount;
                  notifications.show({
                    color: 'teal',
                    title: t('counter.start.registered'),
                    closeButtonProps: { 'aria-label': t('common.close') },
                    message: t('counter.start.registeredMessage', {
                      name: isolate(`${e.firstName} ${e.lastName}`),
                      judicialId: isolate(localDigits(e.judicialId, lang)),
                    }),
                  });
                  setRegistering(false);
                  setRegistrationFee(result.payment ? { amountRials: result.amountRials, ...result.payment } : null);
                  lookup.reset();
                  setNationalId(e.nationalId);
                  setServingNationalId(e.nationalId);
                  setCitizen({
                    id: e.id,
                    firstName: e.firstName,
                    lastName: e.lastName,
                    judicialId: e.judicialId,
                    maskedMobile: `${e.mobile.slice(0, 4)}***${e.mobile.slice(7)}`,
                    provinceId: e.provinceId,
                  });
                }}
                onCancel={() => setRegistering(false)}
                submitLabel={t('counter.start.registerSubmit')}
              />
            </Suspense>
          </Card>
        ) : null}

        {registrationFee ? (
          <Alert color="blue" variant="light" data-testid="registration-fee">
            <Group gap="xs">
              <Text size="sm">{t('counter.start.registrationFee')}</Text>
              <Money rials={registrationFee.amountRials} />
              <Anchor
                component={Link}
                to={`/payments/${registrationFee.paymentId}`}
                data-testid="registration-payment-link"
              >
                {t('counter.status.pay', { receipt: isolatedRefNumber(registrationFee.receiptNumber, lang) })}
              </Anchor>
            </Group>
          </Alert>
        ) : null}

        {citizen ? (
          <Card withBorder radius="md" data-testid="citizen-card">
            <Group justify="space-between">
              <Stack gap={2}>
                <Text fw={700} data-testid="citizen-name">
                  {citizen.firstName} {citizen.lastName}
                </Text>
                <Group gap="lg">
                  <Text size="sm" c="dimmed">
                    {t('counter.start.judicialId')}:{' '}
                    <bdi dir="ltr" data-testid="citizen-judicial-id">
                      {citizen.judicialId ? digits(citizen.judicialId) : t('counter.start.noJudicialId')}
                    </bdi>
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('counter.start.mobile')}:{' '}
                    <bdi dir="ltr" data-testid="citizen-masked-mobile">
                      {digits(citizen.maskedMobile)}
                    </bdi>
                  </Text>
                </Group>
              </Stack>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  reset();
                  setNationalId('');
                  setServingNationalId(null);
                }}
              >
                {t('counter.start.otherCitizen')}
              </Button>
            </Group>
          </Card>
        ) : null}

        {citizen && !consentFor && !pricedFor ? (
          <Group align="flex-end">
            <Select
              label={t('counter.start.service')}
              placeholder={t('counter.start.servicePlaceholder')}
              data={(services.data ?? [])
                .filter((s) => s.code !== 'sana-registration')
                .map((s) => ({ value: s.code, label: s.title[lang] || s.title.fa }))}
              value={service}
              onChange={setService}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1 }}
              data-testid="service-select"
            />
            <Button onClick={start} disabled={!startable} data-testid="start-service">
              {t('counter.start.go')}
            </Button>
          </Group>
        ) : null}
        {chosen && !startable && !consentFor && !pricedFor ? (
          <Text size="sm" c="dimmed">
            {t('counter.start.notHere')}
          </Text>
        ) : null}

        {citizen && pricedFor ? (
          <PricedService
            key={pricedFor}
            service={pricedFor}
            title={chosen ? chosen.title[lang] || chosen.title.fa : pricedFor}
            citizenId={citizen.id}
            ticketId={ticket?.id}
            onDone={() => {
              setPricedFor(null);
              setService(null);
            }}
          />
        ) : null}

        {citizen && consentFor ? (
          <ConsentLookup
            nationalId={nationalId}
            citizen={citizen}
            purpose={consentFor}
            ticketId={ticket?.id}
            onDone={() => {
              setConsentFor(null);
              setService(null);
            }}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * A service priced by its own tariff line and charged at the counter as it is: no filing, and no
 * input beyond the citizen's identity (a consent, an amount, a licence or a booking has its own flow).
 */
function isPriced(s: { code: string; kind: string; channels: string; inputs: string[] }): boolean {
  return (
    s.kind !== 'filing' &&
    s.channels !== 'online' &&
    s.inputs.every((i) => i === 'identity') &&
    s.code !== 'sana-registration'
  );
}

/** The fee of a priced service for the office's province, then its charge and the payment to take. */
function PricedService({
  service,
  title,
  citizenId,
  ticketId,
  onDone,
}: {
  service: string;
  title: string;
  citizenId: number;
  ticketId?: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { user } = useAuth();
  const provinceId =
    user?.roles.find((g) => (g.role === 'operator' || g.role === 'office_manager') && g.scope.provinceId)?.scope
      .provinceId ?? null;
  const quote = useServiceQuote(service, provinceId);
  const charge = useChargeService();
  // One key per charge shown: a retried click charges once.
  const [key] = useState(() => crypto.randomUUID());
  const done = charge.data;
  return (
    <Card withBorder bg="gray.0" data-testid="priced-service">
      <Stack>
        <Title order={3} size="h5">
          {title}
        </Title>
        {quote.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
        <ProblemAlert error={quote.error} />
        {quote.data ? (
          <Group gap="xs" data-testid="priced-quote">
            <Text size="sm">{t('counter.priced.fee')}</Text>
            <Money rials={quote.data.totalRials} />
          </Group>
        ) : null}
        <ProblemAlert error={charge.error} />
        {done ? (
          <Alert color="teal" variant="light" data-testid="priced-charged">
            <Group gap="xs">
              <Text size="sm">{t('counter.priced.charged')}</Text>
              <Money rials={done.amountRials} />
              <Anchor component={Link} to={`/payments/${done.paymentId}`} data-testid="priced-payment-link">
                {t('counter.status.pay', { receipt: isolatedRefNumber(done.receiptNumber, lang) })}
              </Anchor>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button
              onClick={() => charge.mutate({ key, serviceCode: service, citizenId, ...(ticketId ? { ticketId } : {}) })}
              loading={charge.isPending}
              disabled={!quote.data}
              data-testid="priced-charge"
            >
              {t('counter.priced.charge')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {done ? (
          <Group>
            <Button variant="default" onClick={onDone} data-testid="priced-done">
              {t('counter.priced.another')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The citizen's consent by one-time code, then the status lookup (or the notice page). */
function ConsentLookup({
  nationalId,
  citizen,
  purpose,
  ticketId,
  onDone,
}: {
  nationalId: string;
  citizen: CitizenCard;
  purpose: ConsentPurpose;
  ticketId?: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits, text } = useDigits();
  const ask = useAskConsent();
  const confirm = useConfirmConsent();
  const status = useStatusLookup();
  const [code, setCode] = useState('');
  const codeErrors = fieldErrorsOf(confirm.error, lang);

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(
      { nationalId, purpose, code },
      {
        onSuccess: (consent) => {
          status.mutate({ consentId: consent.id, citizenId: citizen.id, ...(ticketId ? { ticketId } : {}) });
        },
      },
    );
  };

  const result = status.data;
  return (
    <Card withBorder bg="gray.0" data-testid="consent-panel">
      <Stack>
        <Title order={3} size="h5">
          {t(`counter.consent.title.${purpose}`)}
        </Title>
        <Text size="sm">{t('counter.consent.explain')}</Text>
        {!ask.data ? (
          <Group>
            <Button
              onClick={() => ask.mutate({ nationalId, purpose })}
              loading={ask.isPending}
              data-testid="ask-consent"
            >
              {t('counter.consent.send')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : null}
        <ProblemAlert error={ask.error} />
        {ask.data && !confirm.data ? (
          <form onSubmit={onConfirm} noValidate data-testid="consent-code-form">
            <Stack>
              <Alert color="indigo" variant="light" data-testid="consent-sent">
                {t('counter.consent.sent', { mobile: `\u2066${localDigits(ask.data.sentTo, lang)}\u2069` })}
              </Alert>
              <ProblemAlert error={confirm.error} shownFields={['code']} />
              <Group align="flex-start">
                <DigitsInput
                  label={t('counter.consent.code')}
                  value={code}
                  onChange={(v) => setCode(v.slice(0, 6))}
                  onlyDigits
                  maxLength={6}
                  required
                  error={codeErrors.code}
                  data-testid="consent-code"
                />
                <Button
                  type="submit"
                  mt={25}
                  loading={confirm.isPending || status.isPending}
                  disabled={code.length !== 6}
                  data-testid="confirm-consent"
                >
                  {t('counter.consent.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <ProblemAlert error={status.error} />
        {result ? (
          <Stack data-testid="status-result">
            <Group justify="space-between">
              <Text fw={700}>
                {t('counter.status.for', { name: `${result.citizen.firstName} ${result.citizen.lastName}` })}
              </Text>
              <Group gap="xs">
                <Text size="sm">{t('counter.status.charge')}</Text>
                <Money rials={result.amountRials} />
                {result.payment ? (
                  <Anchor
                    component={Link}
                    to={`/payments/${result.payment.paymentId}`}
                    data-testid="status-payment-link"
                  >
                    {t('counter.status.pay', { receipt: isolatedRefNumber(result.payment.receiptNumber, lang) })}
                  </Anchor>
                ) : (
                  <Badge variant="light">{t('counter.status.alreadyCharged')}</Badge>
                )}
              </Group>
            </Group>
            <Divider label={t('counter.status.filings', { n: digits(result.overview.filings.length) })} />
            {result.overview.filings.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('counter.status.none')}
              </Text>
            ) : (
              result.overview.filings.map((f) => (
                <Group key={f.id} justify="space-between" data-testid={`status-filing-${f.id}`}>
                  <Text size="sm">{f.subject}</Text>
                  <Group gap="xs">
                    {f.trackingCode ? <RefNumber value={f.trackingCode} /> : null}
                    <FilingStatusBadge status={f.status} />
                  </Group>
                </Group>
              ))
            )}
            <Divider label={t('counter.status.cases', { n: digits(result.overview.cases.length) })} />
            {result.overview.cases.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('counter.status.none')}
              </Text>
            ) : (
              result.overview.cases.map((c) => (
                <Text size="sm" key={c.id}>
                  <RefNumber value={c.caseNumber} /> — {c.subject} — {text(c.court.name)} (
                  {t('counter.status.branch', { n: digits(c.branch) })})
                </Text>
              ))
            )}
            <Divider label={t('counter.status.notices', { n: digits(result.overview.notices.length) })} />
            {result.overview.notices.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('counter.status.none')}
              </Text>
            ) : (
              result.overview.notices.map((n) => (
                <Group key={n.id} justify="space-between">
                  <Text size="sm">
                    {n.title} — <JalaliDate value={n.issuedAt} />
                  </Text>
                  {n.deadline ? (
                    <Badge color={n.deadline.expired ? 'red' : 'orange'} variant="light">
                      {t('counter.status.deadline')}: <JalaliDate value={n.deadline.lastDay} />
                    </Badge>
                  ) : (
                    <Badge variant="light" color="gray">
                      {n.delivered ? t('counter.status.delivered') : t('counter.status.undelivered')}
                    </Badge>
                  )}
                </Group>
              ))
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onDone}>
                {t('counter.status.done')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
