/**
 * The columns of measured facts, shared by the offices' list and an office's operators: each
 * figure with the count it was measured on beneath it, so a figure from five services is not read
 * like one from five thousand.
 */
import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import type { MonthFacts } from '../api/quality-facts';
import { formatOutOfFive, formatPercent } from './figures';

interface Digits {
  lang: 'fa' | 'en';
  count: (n: number) => string;
  digits: (value: string | number) => string;
}

function Figure({ value, n, t, d, testId }: { value: string; n: number; t: TFunction; d: Digits; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="sm" fw={500}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {t('quality.measuredOn', { count: n, n: d.count(n) })}
      </Text>
    </Stack>
  );
}

export function factColumns<R>(facts: (r: R) => MonthFacts, t: TFunction, d: Digits): DataColumn<R>[] {
  const minutes = (m: number | null) => (m == null ? '—' : t('quality.minutes', { n: d.count(m) }));
  const percent = (p: number | null) => (p == null ? '—' : formatPercent(p, d.lang));
  return [
    {
      key: 'waiting',
      header: t('quality.facts.waiting'),
      cell: (r) => (
        <Figure
          testId="fact-waiting"
          value={minutes(facts(r).waiting.medianMinutes)}
          n={facts(r).waiting.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).waiting.medianMinutes ?? -1,
      csv: (r) => facts(r).waiting.medianMinutes,
      numeric: true,
    },
    {
      key: 'service',
      header: t('quality.facts.service'),
      cell: (r) => (
        <Figure
          testId="fact-service"
          value={minutes(facts(r).service.medianMinutes)}
          n={facts(r).service.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).service.medianMinutes ?? -1,
      csv: (r) => facts(r).service.medianMinutes,
      numeric: true,
    },
    {
      key: 'returned',
      header: t('quality.facts.returned'),
      cell: (r) => (
        <Figure
          testId="fact-returned"
          value={percent(facts(r).returned.percent)}
          n={facts(r).returned.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).returned.percent ?? -1,
      csv: (r) => facts(r).returned.percent,
      numeric: true,
    },
    {
      key: 'sameDay',
      header: t('quality.facts.sameDay'),
      cell: (r) => (
        <Figure
          testId="fact-same-day"
          value={percent(facts(r).sameDay.percent)}
          n={facts(r).sameDay.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).sameDay.percent ?? -1,
      csv: (r) => facts(r).sameDay.percent,
      numeric: true,
    },
    {
      key: 'notices',
      header: t('quality.facts.notices'),
      cell: (r) => d.count(facts(r).noticesAtOffice.count),
      sortValue: (r) => facts(r).noticesAtOffice.count,
      csv: (r) => facts(r).noticesAtOffice.count,
      numeric: true,
    },
    {
      key: 'payments',
      header: t('quality.facts.paymentsCancelled'),
      cell: (r) => (
        <Figure
          testId="fact-payments"
          value={percent(facts(r).paymentsCancelled.percent)}
          n={facts(r).paymentsCancelled.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).paymentsCancelled.percent ?? -1,
      csv: (r) => facts(r).paymentsCancelled.percent,
      numeric: true,
    },
    {
      key: 'feedback',
      header: t('quality.facts.feedback'),
      cell: (r) => (
        <Figure
          testId="fact-feedback"
          value={formatOutOfFive(facts(r).feedback.meanSatisfaction, d.lang, t)}
          n={facts(r).feedback.count}
          t={t}
          d={d}
        />
      ),
      sortValue: (r) => facts(r).feedback.meanSatisfaction ?? -1,
      csv: (r) => facts(r).feedback.meanSatisfaction,
      numeric: true,
    },
  ];
}
