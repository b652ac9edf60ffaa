import '../i18n/index.ts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  type ArbitrationCase,
  useAnswer,
  useAppoint,
  useArbitration,
  useArbitratorRegistry,
  useConsent,
  useResendCode,
} from '../api/arbitrations';
import { AwardPanel } from '../components/AwardPanel';
import { CourtDeskPanel } from '../components/CourtDeskPanel';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { FeePanel } from '../components/FeePanel';
import { HearingsPanel } from '../components/HearingsPanel';

type Party = ArbitrationCase['parties'][number];
type Arbitrator = ArbitrationCase['arbitrators'][number];

/** A clock's days left as a person reads them: passed, the last day today, or n days. */
function DaysLeft({ clock }: { clock: ArbitrationCase['clocks'][number] }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const c = clock;
  return (
    <Badge
      size="lg"
      color={c.daysLeft < 0 ? 'gray' : c.daysLeft <= 7 ? 'red' : 'teal'}
      data-testid="arbitration-days-left"
    >
      {c.daysLeft < 0
        ? t('arbitration.case.passed')
        : c.daysLeft === 0
          ? t('arbitration.case.lastDayToday')
          : t('arbitration.case.daysLeft', { n: digits(c.daysLeft) })}
    </Badge>
  );
}

/** The days left on each clock of the case, with its last day. */
function Clocks({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="arbitration-clocks">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.case.clocks')}
      </Title>
      {kase.clocks.length === 0 ? <Text c="dimmed">{t('arbitration.case.noClock')}</Text> : null}
      <Stack gap="sm">
        {kase.clocks.map((c) => (
          <Group key={c.kind} justify="space-between" wrap="wrap" data-testid={`arbitration-clock-${c.kind}`}>
            <Stack gap={0}>
              <Text fw={600}>{t(`arbitration.case.clock.${c.kind}`)}</Text>
              <Text size="sm">
                {t('arbitration.case.lastDay')}: <JalaliDate value={c.lastDay.iso} />
              </Text>
            </Stack>
            <DaysLeft clock={c} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function ConsentPanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const consent = useConsent(kase.id);
  const resend = useResendCode(kase.id);
  return (
    <Card withBorder data-testid="arbitration-consent">
      <Title order={2} size="h4">
        {t('arbitration.case.consentTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('arbitration.case.consentHint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          consent.mutate(code);
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <DigitsInput
            label={t('arbitration.case.code')}
            value={code}
            onChange={setCode}
            onlyDigits
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            data-testid="arbitration-code"
          />
          <Button type="submit" loading={consent.isPending} data-testid="arbitration-consent-submit">
            {t('arbitration.case.consent')}
          </Button>
          <Button variant="subtle" onClick={() => resend.mutate()} loading={resend.isPending}>
            {t('arbitration.case.resend')}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={consent.error ?? resend.error} />
    </Card>
  );
}

function AppointPanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const registry = useArbitratorRegistry(true);
  const appoint = useAppoint(kase.id);
  const missing = kase.arbitratorCount - kase.arbitrators.filter((a) => a.status !== 'declined').length;
  // One slot per arbitrator still to name: from the registry, or outside it by name and national ID.
  const [slots, setSlots] = useState(() =>
    Array.from({ length: Math.max(missing, 0) }, (_, n) => ({
      slot: n + 1,
      chosen: null as string | null,
      name: '',
      nationalId: '',
    })),
  );
  if (missing <= 0) return null;
  const update = (slot: number, change: Partial<(typeof slots)[number]>) =>
    setSlots(slots.map((s) => (s.slot === slot ? { ...s, ...change } : s)));
  const submit = () =>
    appoint.mutate({
      arbitrators: slots.map((s) =>
        s.chosen ? { userId: Number(s.chosen) } : { name: s.name, nationalId: s.nationalId },
      ),
    });
  return (
    <Card withBorder data-testid="arbitration-appoint">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.case.appointTitle')}
      </Title>
      <Stack>
        {slots.map((s) => (
          <SimpleGrid key={s.slot} cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('arbitration.case.fromRegistry')}
              data={(registry.data?.items ?? []).map((r) => ({
                value: String(r.userId),
                label: r.province ? `${r.name} — ${text(r.province)}` : r.name,
              }))}
              value={s.chosen}
              onChange={(v) => update(s.slot, { chosen: v })}
              clearable
              data-testid={`arbitration-registry-${s.slot - 1}`}
            />
            <TextInput
              label={t('arbitration.case.outsideName')}
              value={s.name}
              disabled={s.chosen !== null}
              onChange={(e) => update(s.slot, { name: e.currentTarget.value })}
            />
            <NationalIdField
              label={t('arbitration.case.outsideNationalId')}
              value={s.nationalId}
              disabled={s.chosen !== null}
              onChange={(nationalId) => update(s.slot, { nationalId })}
            />
          </SimpleGrid>
        ))}
        <ProblemAlert error={appoint.error} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={appoint.isPending} data-testid="arbitration-appoint-submit">
            {t('arbitration.case.appoint')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Accept or decline: an arbitrator for themself, the seat office for one outside the registry. */
function AnswerButtons({ kase, arbitrator }: { kase: ArbitrationCase; arbitrator: Arbitrator }) {
  const { t } = useTranslation();
  const answer = useAnswer(kase.id);
  const own = kase.viewer.arbitratorId === arbitrator.id;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          onClick={() => answer.mutate({ arbitratorId: arbitrator.id, accept: true })}
          loading={answer.isPending}
          data-testid={`arbitration-accept-${arbitrator.id}`}
        >
          {t(own ? 'arbitration.case.accept' : 'arbitration.case.recordAccept')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => answer.mutate({ arbitratorId: arbitrator.id, accept: false })}
          loading={answer.isPending}
          data-testid={`arbitration-decline-${arbitrator.id}`}
        >
          {t(own ? 'arbitration.case.decline' : 'arbitration.case.recordDecline')}
        </Button>
      </Group>
      <ProblemAlert error={answer.error} />
    </Stack>
  );
}

/** A paid share on the timeline: who paid how much, and for the payer, the receipt. */
function FeePaidLine({ kase, data }: { kase: ArbitrationCase; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const own = data.partyId === kase.viewer.partyId;
  return (
    <Text size="xs" data-testid="arbitration-fee-paid-event">
      {String(data.name ?? '')} — <Money rials={Number(data.amountRials ?? 0)} />
      {own && typeof data.paymentId === 'number' ? (
        <>
          {' — '}
          <Anchor component={Link} to={`/payments/${data.paymentId}`}>
            {t('arbitration.fee.receipt')} <bdi dir="ltr">{digits(String(data.receiptNumber ?? ''))}</bdi>
          </Anchor>
        </>
      ) : null}
    </Text>
  );
}

/** /arbitrations/:id — one case: its parties and arbitrators, the clocks, the timeline, and the caller's next step. */
export function ArbitrationCasePage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const id = Number(useParams().id);
  const query = useArbitration(id);
  const kase = query.data;
  if (!kase) return <ProblemAlert error={query.error} />;

  const me = kase.parties.find((p) => p.id === kase.viewer.partyId);
  const sitting = kase.arbitrators.some((a) => a.id === kase.viewer.arbitratorId && a.status === 'accepted');
  // The windows the award's delivery opened stand at the end of the timeline, each with its last day and days left.
  const windows = kase.clocks.filter((c) => c.kind !== 'term');
  const mayAnswer = (a: Arbitrator) =>
    kase.state === 'arbitrators_appointed' &&
    a.status === 'named' &&
    (a.registered ? kase.viewer.arbitratorId === a.id : kase.viewer.office);
  const mayAppoint =
    (kase.state === 'consented' || kase.state === 'arbitrators_appointed') &&
    (kase.selection === 'parties' ? me !== undefined : kase.viewer.office);

  const partyColumns: DataColumn<Party>[] = [
    { key: 'name', header: t('arbitration.case.parties'), cell: (p) => p.name },
    { key: 'role', header: t('arbitration.case.roleHeader'), cell: (p) => t(`arbitration.case.${p.role}`) },
    {
      key: 'mobile',
      header: t('arbitration.case.mobileHeader'),
      cell: (p) => <bdi dir="ltr">{digits(p.maskedMobile)}</bdi>,
    },
    {
      key: 'consent',
      header: t('arbitration.case.consentHeader'),
      cell: (p) => (
        <Badge color={p.consented ? 'teal' : 'gray'} variant="light" data-testid={`arbitration-party-${p.id}`}>
          {t(p.consented ? 'arbitration.case.consented' : 'arbitration.case.waiting')}
        </Badge>
      ),
    },
  ];
  const arbitratorColumns: DataColumn<Arbitrator>[] = [
    { key: 'name', header: t('arbitration.case.arbitrators'), cell: (a) => a.name },
    {
      key: 'registered',
      header: t('arbitration.case.kindHeader'),
      cell: (a) => t(a.registered ? 'arbitration.case.registered' : 'arbitration.case.outside'),
    },
    {
      key: 'status',
      header: t('arbitration.list.state'),
      cell: (a) =>
        mayAnswer(a) ? (
          <AnswerButtons kase={kase} arbitrator={a} />
        ) : (
          <Badge variant="light" data-testid={`arbitration-arbitrator-${a.id}`}>
            {t(`arbitration.case.arbitratorStatus.${a.status}`)}
          </Badge>
        ),
    },
    {
      key: 'notifiedOn',
      header: t('arbitration.case.notifiedOn'),
      cell: (a) => <JalaliDate value={a.notifiedOn?.iso} />,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('arbitration.case.title', { id: digits(kase.id) })}
        subtitle={`${t(`arbitration.subjects.${kase.subjectKind}`)} — ${text(kase.seatOffice.name)}`}
        actions={
          <Badge size="lg" data-testid="arbitration-state">
            {t(`arbitration.states.${kase.state}`)}
          </Badge>
        }
      />
      <Text dir="auto">{kase.subject}</Text>
      <Clocks kase={kase} />
      {kase.state === 'drafted' && me && !me.consented ? <ConsentPanel kase={kase} /> : null}
      <DataTable
        testId="arbitration-parties"
        label={t('arbitration.case.parties')}
        columns={partyColumns}
        rowKey={(p) => p.id}
        rows={kase.parties}
      />
      {kase.arbitrators.length ? (
        <DataTable
          testId="arbitration-arbitrators"
          label={t('arbitration.case.arbitrators')}
          columns={arbitratorColumns}
          rowKey={(a) => a.id}
          rows={kase.arbitrators}
        />
      ) : null}
      {mayAppoint ? <AppointPanel key={kase.arbitrators.length} kase={kase} /> : null}
      <FeePanel kase={kase} />
      <DocumentsPanel kase={kase} />
      <HearingsPanel
        kase={kase}
        mayHold={sitting && (kase.state === 'term_running' || kase.state === 'award_drafted')}
      />
      <AwardPanel kase={kase} />
      <CourtDeskPanel kase={kase} />
      <Card withBorder data-testid="arbitration-timeline">
        <Title order={2} size="h4" mb="sm">
          {t('arbitration.case.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={kase.timeline.length - 1} data-testid="arbitration-events">
          {kase.timeline.map((e) => (
            <Timeline.Item key={e.id} title={t(`arbitration.case.events.${e.kind}`, { defaultValue: e.kind })}>
              <Text size="xs" c="dimmed">
                <JalaliDate value={e.at} withTime />
              </Text>
              {e.kind === 'fee-paid' ? <FeePaidLine kase={kase} data={e.data} /> : null}
            </Timeline.Item>
          ))}
          {windows.map((c) => (
            <Timeline.Item
              key={c.kind}
              title={t(`arbitration.case.clock.${c.kind}`)}
              lineVariant="dashed"
              data-testid={`arbitration-window-${c.kind}`}
            >
              <Group gap="xs" wrap="wrap">
                <Text size="xs">
                  {t('arbitration.case.lastDay')}: <JalaliDate value={c.lastDay.iso} />
                </Text>
                <DaysLeft clock={c} />
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}
