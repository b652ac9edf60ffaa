/**
 * /quality/weights — the quality score's weights: the set in force this month and every published
 * set with its month and reason, for whoever reads scores; the national association publishes a
 * new set here (whole numbers summing to 100, from a coming month; docs/decisions/0046).
 */
import '../i18n/index.ts';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addJalaliMonths, formatJalaliMonth } from '#core/jalali';
import { DEFAULT_WEIGHTS, SCORE_COMPONENTS, type ScoreComponent, type ScoreWeights } from '#core/quality/score';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { usePublishWeights, useWeightSets, type WeightSets } from '../api/weights';
import { thisJalaliMonth } from '../components/MonthSelect';

type SetRow = WeightSets['items'][number];

function PublishForm({ start }: { start: ScoreWeights }) {
  const { t } = useTranslation();
  const d = useDigits();
  const publish = usePublishWeights();
  const [weights, setWeights] = useState<Record<ScoreComponent, number | string>>(start);
  const [from, setFrom] = useState(() => addJalaliMonths(thisJalaliMonth(), 1));
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(publish.error, d.lang);
  const sum = SCORE_COMPONENTS.reduce((s, c) => s + (enteredNumber(weights[c]) ?? 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate({
      effectiveFrom: from,
      // A blank weight goes absent, and the server names it as required (or, for the complaints
      // weight, takes 0 as its contract says).
      weights: Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, enteredNumber(weights[c])])) as Record<
        ScoreComponent,
        number | undefined
      >,
      reason,
    });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="weights-form">
      <Stack>
        <Title order={2} size="h4">
          {t('quality.weights.newTitle')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {SCORE_COMPONENTS.map((c) => (
            <NumberInput
              key={c}
              label={t(`quality.weights.components.${c}`)}
              value={weights[c]}
              onChange={(v) => setWeights((w) => ({ ...w, [c]: v }))}
              min={0}
              max={100}
              allowDecimal={false}
              error={errors[`weights.${c}`]}
              data-testid={`weights-${c}`}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c={sum === 100 ? 'dimmed' : 'red'} data-testid="weights-sum">
          {t('quality.weights.sum', { n: d.count(sum) })}
        </Text>
        {errors.weights ? (
          <Text size="sm" c="red">
            {errors.weights}
          </Text>
        ) : null}
        <TextInput
          label={t('quality.weights.effectiveFrom')}
          description={formatJalaliMonth(from, d.lang)}
          value={d.lang === 'fa' ? d.digits(from) : from}
          onChange={(e) => setFrom(e.currentTarget.value.replace(/[۰-۹]/g, (c) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(c))))}
          error={errors.effectiveFrom}
          maw={240}
          data-testid="weights-from"
        />
        <Textarea
          label={t('quality.weights.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          withAsterisk
          data-testid="weights-reason"
        />
        <ProblemAlert
          error={publish.error}
          shownFields={['weights', ...SCORE_COMPONENTS.map((c) => `weights.${c}`), 'effectiveFrom', 'reason']}
        />
        {publish.isSuccess ? (
          <Alert color="green" data-testid="weights-published">
            {t('quality.weights.published')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={publish.isPending} data-testid="weights-submit">
            {t('quality.weights.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function WeightsPage() {
  const { t } = useTranslation();
  const d = useDigits();
  const { hasRole } = useAuth();
  const sets = useWeightSets();
  const inForce = sets.data?.inForce ?? DEFAULT_WEIGHTS;
  const mayPublish = hasRole(...PERMISSIONS['quality.weights.manage']);

  const columns: DataColumn<SetRow>[] = [
    {
      key: 'from',
      header: t('quality.weights.effectiveFrom'),
      cell: (s) => formatJalaliMonth(s.effectiveFrom, d.lang),
      sortValue: (s) => s.effectiveFrom,
      rowHeader: true,
    },
    ...SCORE_COMPONENTS.map(
      (c): DataColumn<SetRow> => ({
        key: c,
        header: t(`quality.weights.components.${c}`),
        cell: (s) => d.count(s.weights[c]),
        sortValue: (s) => s.weights[c],
        numeric: true,
      }),
    ),
    { key: 'reason', header: t('quality.weights.reason'), cell: (s) => s.reason },
  ];

  return (
    <Stack>
      <PageTitle title={t('quality.weights.title')} subtitle={t('quality.weights.subtitle')} />
      <ProblemAlert error={sets.error} />
      <Card withBorder data-testid="weights-in-force">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('quality.weights.inForce')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {SCORE_COMPONENTS.map((c) => (
              <Stack key={c} gap={0} data-testid="weight-in-force" data-component={c}>
                <Text size="sm" c="dimmed">
                  {t(`quality.weights.components.${c}`)}
                </Text>
                <Text fw={700}>{d.count(inForce[c])}</Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      </Card>
      {mayPublish && sets.data ? <PublishForm start={inForce} /> : null}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('quality.weights.history')}
        </Title>
        <DataTable
          testId="weights-history"
          label={t('quality.weights.history')}
          columns={columns}
          rowKey={(s) => s.id}
          rows={sets.data?.items}
          isPending={sets.isPending}
          pageSize="all"
          minWidth={900}
          empty={t('quality.weights.noHistory')}
        />
      </Stack>
    </Stack>
  );
}
