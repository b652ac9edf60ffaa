/**
 * An approved pilot on its proposal's page: where it stands (running, due for its end review,
 * lapsed, adopted nationally, ended), its figures — services its offices performed, fees,
 * citizens' survey answers, per province — the reviews so far, and for the regulator the end
 * review itself: adopt nationally, extend to a later last day, or end, with reasons.
 */
import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  PILOT_REVIEW_OUTCOMES,
  type PilotFigures,
  type Proposal,
  usePilotFigures,
  useReviewPilot,
} from '../api/proposals';

type PilotReview = NonNullable<Proposal['pilotReview']>;

const STATE_COLOR: Record<PilotReview['state'], string> = {
  running: 'blue',
  due: 'orange',
  lapsed: 'red',
  adopted: 'teal',
  ended: 'gray',
};

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" component="div" data-testid={testId}>
        {children}
      </Text>
    </Card>
  );
}

function Figures({ id }: { id: string }) {
  const { t } = useTranslation();
  const { digits, text } = useDigits();
  const query = usePilotFigures(id);
  const f = query.data;
  if (!f) return <ProblemAlert error={query.error} />;
  const dash = (v: number | null, show: (v: number) => string) => (v == null ? '—' : show(v));
  const columns: DataColumn<PilotFigures['byProvince'][number]>[] = [
    {
      key: 'province',
      header: t('proposals.columns.provinces'),
      cell: (r) => text(r.province.name),
      csv: (r) => text(r.province.name),
      rowHeader: true,
    },
    {
      key: 'services',
      header: t('proposals.pilot.services'),
      cell: (r) => digits(r.services),
      csv: (r) => r.services,
      numeric: true,
    },
    {
      key: 'offices',
      header: t('proposals.pilot.officesShort'),
      cell: (r) => digits(r.offices),
      csv: (r) => r.offices,
      numeric: true,
    },
    {
      key: 'fees',
      header: t('proposals.pilot.fees'),
      cell: (r) => <Money rials={r.feesRials} />,
      csv: (r) => r.feesRials,
      numeric: true,
    },
  ];
  return (
    <Stack gap="xs" data-testid="pilot-figures">
      <Text size="sm" c="dimmed">
        {t('proposals.pilot.figuresSince')} <JalaliDate value={f.from} />
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('proposals.pilot.services')} testId="pilot-services">
          {digits(f.services)}
        </Figure>
        <Figure label={t('proposals.pilot.expected')} testId="pilot-expected">
          {digits(f.expectedServices)}
        </Figure>
        <Figure label={t('proposals.pilot.fees')} testId="pilot-fees">
          <Money rials={f.feesRials} />
        </Figure>
        <Figure label={t('proposals.pilot.offices')} testId="pilot-offices">
          {digits(f.offices)} / {digits(f.grantedOffices)}
        </Figure>
        <Figure label={t('proposals.pilot.surveys')} testId="pilot-surveys">
          {digits(f.surveys.answered)}
        </Figure>
        <Figure label={t('proposals.pilot.satisfaction')} testId="pilot-satisfaction">
          {dash(f.surveys.averageSatisfaction, (v) => `${digits(v)} / ${digits(5)}`)}
        </Figure>
        <Figure label={t('proposals.pilot.wouldReturn')} testId="pilot-would-return">
          {dash(f.surveys.wouldReturnShare, (v) => `${digits(Math.round(v * 100))}٪`)}
        </Figure>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('proposals.pilot.noComplaints')}
      </Text>
      {f.byProvince.length ? (
        <DataTable
          testId="pilot-provinces"
          caption={t('proposals.pilot.byProvince')}
          columns={columns}
          rowKey={(r) => r.province.id}
          rows={f.byProvince}
          minWidth={360}
          csvFileName="pilot-figures.csv"
        />
      ) : null}
    </Stack>
  );
}

function ReviewForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const review = useReviewPilot(id);
  const [outcome, setOutcome] = useState<(typeof PILOT_REVIEW_OUTCOMES)[number]>('adopt');
  const [until, setUntil] = useState('');
  const [reasons, setReasons] = useState('');
  const errors = fieldErrorsOf(review.error, lang);
  return (
    <Stack gap="xs" data-testid="pilot-review-form">
      <Text size="sm" fw={500} id="pilot-outcome-label">
        {t('proposals.pilot.outcome')}
      </Text>
      <SegmentedControl
        aria-labelledby="pilot-outcome-label"
        value={outcome}
        onChange={(v) => setOutcome(v as typeof outcome)}
        data={PILOT_REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`proposals.pilot.outcomes.${o}`) }))}
        data-testid="pilot-outcome"
      />
      <Text size="sm" c="dimmed">
        {t(`proposals.pilot.effects.${outcome}`)}
      </Text>
      {outcome === 'extend' ? (
        <JalaliDateInput
          label={t('proposals.pilot.until')}
          value={until}
          onChange={setUntil}
          serverError={errors.until}
          maw={260}
          data-testid="pilot-until"
        />
      ) : null}
      <Textarea
        label={t('proposals.actions.reasons')}
        value={reasons}
        onChange={(e) => setReasons(e.currentTarget.value)}
        error={errors.reasons}
        autosize
        minRows={2}
        data-testid="pilot-reasons"
      />
      {Object.keys(errors).length === 0 ? <ProblemAlert error={review.error} /> : null}
      <Group>
        <Button
          color={outcome === 'end' ? 'red' : outcome === 'adopt' ? 'green' : 'blue'}
          loading={review.isPending}
          onClick={() =>
            review.mutate(
              { outcome, reasons: reasons.trim(), ...(outcome === 'extend' ? { until } : {}) },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: t('proposals.pilot.reviewed'),
                    closeButtonProps: { 'aria-label': t('common.close') },
                  }),
              },
            )
          }
          data-testid="pilot-review-submit"
        >
          {t('proposals.pilot.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PilotReviewCard({ p, regulator }: { p: Proposal; regulator: boolean }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const pilot = p.pilotReview;
  if (!pilot) return null;
  const concluded = pilot.state === 'adopted' || pilot.state === 'ended';
  return (
    <Card withBorder data-testid="pilot-review">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('proposals.pilot.title')}
          </Title>
          <Badge
            size="lg"
            variant="light"
            color={STATE_COLOR[pilot.state]}
            data-testid="pilot-state"
            data-state={pilot.state}
          >
            {t(`proposals.pilot.states.${pilot.state}`)}
          </Badge>
        </Group>
        {!concluded ? (
          <Text size="sm">
            {t('proposals.pilot.lastDay')}: <JalaliDate value={pilot.pilotUntil} /> — {t('proposals.pilot.dueOn')}:{' '}
            <JalaliDate value={pilot.dueOn} />
          </Text>
        ) : null}
        <Figures id={String(p.id)} />
        {pilot.reviews.length ? (
          <Stack gap={4}>
            {pilot.reviews.map((r) => (
              <Text
                size="sm"
                key={`${r.decidedOn}-${r.outcome}-${r.pilotUntilBefore}`}
                data-testid="pilot-review-entry"
              >
                <b>{t(`proposals.pilot.outcomes.${r.outcome}`)}</b> (<JalaliDate value={r.decidedOn} />, {r.by})
                {r.extendedUntil ? (
                  <>
                    {' '}
                    — {t('proposals.pilot.until')}: <JalaliDate value={r.extendedUntil} />
                  </>
                ) : null}{' '}
                — {t('proposals.pilot.officesChanged', { n: digits(r.offices) })}: {r.reasons}
              </Text>
            ))}
          </Stack>
        ) : null}
        {regulator && !concluded ? <ReviewForm id={String(p.id)} /> : null}
      </Stack>
    </Card>
  );
}
