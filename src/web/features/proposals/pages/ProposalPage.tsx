/**
 * /proposals/:id — one proposal: what is proposed, its two clocks, its information requests and
 * the decision; the regulator acknowledges, asks for information, finds it complete and decides,
 * and the national association answers what it was asked.
 */
import '../i18n/index.ts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  PROPOSAL_OUTCOMES,
  type Proposal,
  useAcknowledgeProposal,
  useAnswerInfo,
  useCompleteProposal,
  useDecideProposal,
  useProposal,
  useRequestInfo,
} from '../api/proposals';
import { ClockText } from '../components/ClockText';
import { PilotReviewCard } from '../components/PilotReviewCard';
import { STATUS_COLOR } from './ProposalsPage';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

function useDone() {
  const { t } = useTranslation();
  return (key: string) => () =>
    notifications.show({ color: 'teal', message: t(key), closeButtonProps: { 'aria-label': t('common.close') } });
}

/** The regulator's desk: acknowledge, ask, find complete, decide. */
function ReviewActions({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const done = useDone();
  const id = String(p.id);
  const acknowledge = useAcknowledgeProposal(id);
  const ask = useRequestInfo(id);
  const complete = useCompleteProposal(id);
  const decide = useDecideProposal(id);
  const [question, setQuestion] = useState('');
  const [outcome, setOutcome] = useState<(typeof PROPOSAL_OUTCOMES)[number]>('approve');
  const [reasons, setReasons] = useState('');
  const [pilot, setPilot] = useState(false);
  const [pilotUntil, setPilotUntil] = useState('');
  const [fee, setFee] = useState<number | string>('');
  const waiting = p.infoRequests.some((r) => r.answer === null);
  return (
    <Card withBorder data-testid="proposal-review">
      <Stack>
        <Title order={2} size="h4">
          {t('proposals.actions.title')}
        </Title>
        <ProblemAlert error={acknowledge.error ?? ask.error ?? complete.error ?? decide.error} />
        {!p.acknowledged ? (
          <Group>
            <Button
              variant="light"
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate(undefined, { onSuccess: done('proposals.actions.acknowledged') })}
              data-testid="proposal-acknowledge"
            >
              {t('proposals.actions.acknowledge')}
            </Button>
          </Group>
        ) : null}
        {!waiting ? (
          <Stack gap="xs">
            <Textarea
              label={t('proposals.actions.question')}
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="proposal-question"
            />
            <Group>
              <Button
                variant="light"
                color="orange"
                disabled={question.trim().length < 5}
                loading={ask.isPending}
                onClick={() =>
                  ask.mutate(question.trim(), {
                    onSuccess: () => {
                      setQuestion('');
                      done('proposals.actions.asked')();
                    },
                  })
                }
                data-testid="proposal-ask"
              >
                {t('proposals.actions.ask')}
              </Button>
              {p.status === 'received' ? (
                <Button
                  color="teal"
                  loading={complete.isPending}
                  onClick={() => complete.mutate(undefined, { onSuccess: done('proposals.actions.completed') })}
                  data-testid="proposal-complete"
                >
                  {t('proposals.actions.complete')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
        {p.status === 'in-review' && !waiting ? (
          <Stack gap="xs" data-testid="proposal-decision-form">
            <Text size="sm" fw={500} id="outcome-label">
              {t('proposals.actions.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="outcome-label"
              value={outcome}
              onChange={(v) => setOutcome(v as typeof outcome)}
              data={PROPOSAL_OUTCOMES.map((o) => ({ value: o, label: t(`proposals.detail.decisionOutcome.${o}`) }))}
              data-testid="proposal-outcome"
            />
            {outcome !== 'reject' ? (
              <Group align="flex-end">
                <Checkbox
                  label={t('proposals.actions.pilot')}
                  checked={pilot}
                  onChange={(e) => setPilot(e.currentTarget.checked)}
                  data-testid="proposal-pilot"
                />
                {pilot ? (
                  <JalaliDateInput
                    label={t('proposals.actions.pilotUntil')}
                    value={pilotUntil}
                    onChange={setPilotUntil}
                    data-testid="proposal-pilot-until"
                  />
                ) : null}
                {outcome === 'approve-with-changes' ? (
                  <NumberInput
                    label={t('proposals.actions.fee')}
                    value={fee}
                    onChange={setFee}
                    min={0}
                    allowDecimal={false}
                    thousandSeparator
                  />
                ) : null}
              </Group>
            ) : null}
            <Textarea
              label={t('proposals.actions.reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="proposal-reasons"
            />
            <Group>
              <Button
                color={outcome === 'reject' ? 'red' : 'green'}
                loading={decide.isPending}
                onClick={() =>
                  decide.mutate(
                    {
                      outcome,
                      reasons: reasons.trim() || undefined,
                      ...(outcome !== 'reject' && pilot ? { pilot: true, pilotUntil: pilotUntil || '' } : {}),
                      ...(outcome === 'approve-with-changes' && typeof fee === 'number' ? { feeRials: fee } : {}),
                    },
                    { onSuccess: done('proposals.actions.decided') },
                  )
                }
                data-testid="proposal-decide"
              >
                {t('proposals.actions.decide')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The association answers the open information request. */
function AnswerForm({ p, requestId }: { p: Proposal; requestId: number }) {
  const { t } = useTranslation();
  const done = useDone();
  const answer = useAnswerInfo(String(p.id));
  const [value, setValue] = useState('');
  return (
    <Stack gap="xs">
      <Textarea
        label={t('proposals.actions.answerLabel')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        autosize
        minRows={2}
        data-testid="proposal-answer"
      />
      <ProblemAlert error={answer.error} />
      <Group>
        <Button
          disabled={value.trim().length < 2}
          loading={answer.isPending}
          onClick={() =>
            answer.mutate({ requestId, answer: value.trim() }, { onSuccess: done('proposals.actions.answered') })
          }
          data-testid="proposal-send-answer"
        >
          {t('proposals.actions.sendAnswer')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const query = useProposal(id);
  const p = query.data;
  if (!p) return query.error ? <ProblemAlert error={query.error} /> : <Text>{t('common.loading')}</Text>;
  const roles = user?.roles ?? [];
  const regulator = roles.some((g) => g.role === 'regulator_admin');
  const filer = roles.some((g) => g.role === 'association_admin' && g.scope.kind === 'nation');
  const open = p.status === 'received' || p.status === 'in-review';
  const provinces = (list: Proposal['provinces']) => list.map((v) => text(v.name)).join('، ');

  return (
    <Stack maw={1000}>
      <PageTitle
        title={text(p.service.title)}
        subtitle={
          <>
            {t('proposals.columns.id')} <PersianDigits ltr>{p.id}</PersianDigits> — {t(`proposals.kinds.${p.kind}`)} —{' '}
            <JalaliDate value={p.receivedOn} />
          </>
        }
        actions={
          <>
            <Badge size="lg" variant="light" color={STATUS_COLOR[p.status]} data-testid="proposal-status">
              {t(`proposals.status.${p.status}`)}
            </Badge>
            <Anchor component={Link} to="/proposals">
              {t('proposals.back')}
            </Anchor>
          </>
        }
      />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('proposals.detail.clocks')}
        </Title>
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={500}>{t('proposals.phases.completeness')}:</Text>
            <ClockText clock={p.clocks.completeness} testId="clock-completeness" />
          </Group>
          {p.clocks.decision ? (
            <Group gap="xs" wrap="wrap">
              <Text fw={500}>{t('proposals.phases.decision')}:</Text>
              <ClockText clock={p.clocks.decision} testId="clock-decision" />
            </Group>
          ) : null}
          <Text size="sm" c="dimmed">
            {p.acknowledged ? (
              <>
                {t('proposals.detail.acknowledged')}: {p.acknowledged.by} — <JalaliDate value={p.acknowledged.at} />
              </>
            ) : (
              t('proposals.detail.notAcknowledged')
            )}
          </Text>
          {p.escalatedTo ? (
            <Text size="sm" fw={700} data-testid="proposal-escalated">
              {t('proposals.detail.escalatedTo')}: {p.escalatedTo}
            </Text>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('proposals.detail.description')}>{p.description}</Fact>
          <Fact label={t('proposals.detail.legalBasis')}>
            <PersianDigits>{p.legalBasis}</PersianDigits>
          </Fact>
          <Fact label={t('proposals.detail.fee')}>
            <Money rials={p.fee.amountRials} />
          </Fact>
          <Fact label={t('proposals.detail.volume')}>{digits(p.expectedMonthlyVolume)}</Fact>
          <Fact label={t('proposals.detail.provinces')}>{provinces(p.provinces)}</Fact>
          <Fact label={t('proposals.detail.pilotMonths')}>{p.pilotMonths ? digits(p.pilotMonths) : '—'}</Fact>
          <Fact label={t('proposals.detail.competencies')}>{p.requiredCompetencies || '—'}</Fact>
          <Fact label={t('proposals.detail.training')}>{p.training || '—'}</Fact>
          <Fact label={t('proposals.detail.submittedBy')}>{p.submittedBy ?? '—'}</Fact>
          {p.forProvince ? <Fact label={t('proposals.detail.forProvince')}>{text(p.forProvince.name)}</Fact> : null}
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('proposals.detail.infoRequests')}
        </Title>
        <Stack>
          {p.infoRequests.length === 0 ? <Text c="dimmed">{t('proposals.detail.noInfoRequests')}</Text> : null}
          {p.infoRequests.map((r) => (
            <Stack key={r.id} gap={4} data-testid="proposal-info-request">
              <Text size="sm">
                <b>{t('proposals.detail.asked')}</b> (<JalaliDate value={r.askedOn} />, {r.askedBy}): {r.question}
              </Text>
              {r.answer !== null ? (
                <Text size="sm">
                  <b>{t('proposals.detail.answer')}</b> (<JalaliDate value={r.answeredOn} />, {r.answeredBy}):{' '}
                  {r.answer}
                </Text>
              ) : (
                <>
                  <Text size="sm" fw={700}>
                    {t('proposals.detail.noAnswer')}
                  </Text>
                  {filer && open ? <AnswerForm p={p} requestId={r.id} /> : null}
                </>
              )}
            </Stack>
          ))}
        </Stack>
      </Card>
      {p.decision ? (
        <Card withBorder data-testid="proposal-decision">
          <Title order={2} size="h4" mb="sm">
            {t('proposals.detail.decision')}: {t(`proposals.detail.decisionOutcome.${p.decision.outcome}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Fact label={t('proposals.detail.decidedOn')}>
              <JalaliDate value={p.decision.decidedOn} /> — {p.decision.by}
            </Fact>
            {p.decision.reasons ? <Fact label={t('proposals.detail.reasons')}>{p.decision.reasons}</Fact> : null}
            {p.decision.outcome !== 'reject' ? (
              <>
                <Fact label={t('proposals.detail.provinces')}>{provinces(p.decision.provinces)}</Fact>
                <Fact label={t('proposals.detail.pilotUntil')}>
                  {p.decision.pilotUntil ? <JalaliDate value={p.decision.pilotUntil} /> : '—'}
                </Fact>
                <Fact label={t('proposals.detail.fee')}>
                  {p.decision.feeRials != null ? <Money rials={p.decision.feeRials} /> : '—'}
                </Fact>
                <Fact label={t('proposals.detail.grantedOffices')}>
                  <span data-testid="proposal-granted">{digits(p.decision.grantedOffices)}</span>
                </Fact>
                <Fact label={t('proposals.detail.course')}>
                  {p.decision.course ? (
                    <span data-testid="proposal-course" data-code={p.decision.course.code}>
                      {text(p.decision.course.title)} —{' '}
                      {t('proposals.detail.courseHours', { hours: digits(p.decision.course.hours) })}
                    </span>
                  ) : (
                    <span data-testid="proposal-course-none">{t('proposals.detail.noCourse')}</span>
                  )}
                </Fact>
                {p.decision.tariffScheduleId ? (
                  <Fact label={t('proposals.detail.tariffDraft')}>
                    <Anchor component={Link} to={`/tariffs/${p.decision.tariffScheduleId}`}>
                      <PersianDigits ltr>{p.decision.tariffScheduleId}</PersianDigits>
                    </Anchor>
                  </Fact>
                ) : null}
              </>
            ) : null}
          </SimpleGrid>
        </Card>
      ) : null}
      <PilotReviewCard p={p} regulator={regulator} />
      {regulator && open && (!p.acknowledged || p.infoRequests.every((r) => r.answer !== null)) ? (
        <ReviewActions p={p} />
      ) : null}
    </Stack>
  );
}
