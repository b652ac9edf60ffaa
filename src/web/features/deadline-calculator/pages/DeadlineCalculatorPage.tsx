/**
 * /deadline — anyone, signed in or not, counts the last day to act on a limit that runs from a
 * notice: the day of delivery, a limit in days, weeks, months or years (or a kind of notice, with
 * the two months a party abroad has), then the answer in words with its weekday, each step of the
 * count, the count drawn on a Jalali calendar and the articles that make it so. The question lives
 * in the address, so an answer can be shared or bookmarked.
 */
import '../i18n/index.ts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { dayAndMonth, weekdayName } from '#core/deadline-wording';
import { parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { CountingRule, DeadlineLine } from '#web/ui/DeadlineLine.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { localDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDeadline, useDeadlineRules, type DeadlineQuestion, type DeadlineResult } from '../api/compute-deadline';
import { CountCalendar, isoOf } from '../components/CountCalendar';
import '#web/app/mantine-styles-more.ts';
import '#web/app/mantine-styles-rest.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

const UNITS = ['day', 'week', 'month', 'year'] as const;
type Unit = (typeof UNITS)[number];

/** The question in the address: `?deliveredOn=1404-01-15&amount=20&unit=day` or `?deliveredOn=…&kind=decision&abroad=1`. */
function questionOf(params: URLSearchParams): DeadlineQuestion | null {
  const deliveredOn = params.get('deliveredOn');
  if (!deliveredOn) return null;
  const kind = params.get('kind');
  if (kind) return { deliveredOn, kind, abroad: params.get('abroad') === '1' };
  const amount = Number(toLatinDigits(params.get('amount') ?? ''));
  const unit = params.get('unit') as Unit | null;
  return { deliveredOn, amount, unit: unit && UNITS.includes(unit) ? unit : 'day' };
}

function Steps({ result }: { result: DeadlineResult }) {
  const { t } = useTranslation();
  const { lang, digits, text } = useDigits();
  const words = (jalali: string) => `${weekdayName(isoOf(jalali), lang)} ${dayAndMonth(isoOf(jalali), lang)}`;
  const closedInside = result.closedWithinLimit.length;
  const unit = t(`deadlineCalculator.units.${result.limit.unit}`);
  return (
    <List type="ordered" spacing="xs" data-testid="count-steps">
      <List.Item>{t('deadlineCalculator.steps.delivery', { day: words(result.deliveredOn) })}</List.Item>
      <List.Item>
        {result.limit.unit === 'day'
          ? t('deadlineCalculator.steps.limitDays', { days: digits(result.limit.days) })
          : t('deadlineCalculator.steps.limitUnits', {
              amount: digits(result.limit.amount),
              unit,
              days: digits(result.limit.days),
            })}
        {result.rule ? ` ${t('deadlineCalculator.steps.rule', { title: text(result.rule.title) })}` : ''}
        {result.limit.abroad ? ` ${t('deadlineCalculator.steps.abroad')}` : ''}
      </List.Item>
      <List.Item>
        {t('deadlineCalculator.steps.counted', {
          from: dayAndMonth(isoOf(result.firstCountedDay), lang),
          to: dayAndMonth(isoOf(result.lastCountedDay), lang),
        })}
        {closedInside ? ` ${t('deadlineCalculator.steps.closedInside', { n: digits(closedInside) })}` : ''}
      </List.Item>
      <List.Item>{t('deadlineCalculator.steps.actionDay', { day: words(result.nominalLastDay) })}</List.Item>
      {result.moved.length ? (
        <List.Item>
          {t(result.moved.length === 1 ? 'deadlineCalculator.steps.movedOne' : 'deadlineCalculator.steps.movedMany', {
            n: digits(result.moved.length),
            day: words(result.lastDay),
          })}
        </List.Item>
      ) : (
        <List.Item>{t('deadlineCalculator.steps.open')}</List.Item>
      )}
    </List>
  );
}

function Result({ result }: { result: DeadlineResult }) {
  const { t } = useTranslation();
  const { lang, digits, text } = useDigits();
  const moved = result.moved.map((m) => ({ date: isoOf(m.date), reason: m.reason, title: m.title ?? null }));
  return (
    <Stack data-testid="deadline-result" data-last-day={result.lastDay}>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('deadlineCalculator.result.title')}
          </Title>
          <DeadlineLine size="lg" lastDay={isoOf(result.lastDay)} moved={moved} />
          <Text size="sm">
            {t('deadlineCalculator.result.delivered')} <JalaliDate value={isoOf(result.deliveredOn)} />
            {' — '}
            {t('deadlineCalculator.result.limit', { days: digits(result.limit.days) })}
          </Text>
          {result.unconfirmedHolidays.length ? (
            <Alert color="orange" variant="outline" data-testid="deadline-unconfirmed">
              {t('deadlineCalculator.result.unconfirmed', {
                holidays: result.unconfirmedHolidays
                  .map((h) => `${text(h.title)} (${dayAndMonth(isoOf(h.date), lang)})`)
                  .join(lang === 'fa' ? '، ' : ', '),
              })}
            </Alert>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('deadlineCalculator.result.steps')}
          </Title>
          <Steps result={result} />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('deadlineCalculator.result.calendar')}
          </Title>
          <CountCalendar result={result} />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs" data-testid="deadline-articles">
          <Title order={2} size="h4">
            {t('deadlineCalculator.result.articles')}
          </Title>
          <CountingRule />
          <List spacing={4} size="sm">
            {result.articles.map((a) => (
              <List.Item key={a}>{t(`deadlineCalculator.articles.${a}`)}</List.Item>
            ))}
          </List>
          {result.rule ? (
            <Text size="sm">
              {t('deadlineCalculator.result.source')}:{' '}
              {lang === 'fa' ? result.rule.source.split(' — ')[0] : result.rule.source.split(' — ').at(-1)}
            </Text>
          ) : null}
        </Stack>
      </Card>
    </Stack>
  );
}

export function DeadlineCalculatorPage() {
  const { t } = useTranslation();
  const { lang, digits, text } = useDigits();
  const [params, setParams] = useSearchParams();
  const asked = questionOf(params);
  const [deliveredOn, setDeliveredOn] = useState(() => {
    const p = asked ? parseJalaliDate(asked.deliveredOn) : null;
    return p ? `${p.jy}-${String(p.jm).padStart(2, '0')}-${String(p.jd).padStart(2, '0')}` : '';
  });
  const [mode, setMode] = useState<'amount' | 'kind'>(asked && 'kind' in asked ? 'kind' : 'amount');
  // Typed as text: Persian or Latin digits, checked by the server (a whole number from 1).
  const [amount, setAmount] = useState(() =>
    asked && 'amount' in asked && asked.amount ? localDigits(asked.amount, lang) : localDigits(20, lang),
  );
  const [unit, setUnit] = useState<Unit>((asked?.unit as Unit | undefined) ?? 'day');
  const [kind, setKind] = useState<string | null>(asked?.kind ?? 'decision');
  const [abroad, setAbroad] = useState(asked?.abroad ?? false);
  const [missing, setMissing] = useState(false);
  const rules = useDeadlineRules();
  const deadline = useDeadline(asked);
  const errors = fieldErrorsOf(deadline.error, lang);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!deliveredOn) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const next = new URLSearchParams({ deliveredOn });
    if (mode === 'kind' && kind) {
      next.set('kind', kind);
      if (abroad) next.set('abroad', '1');
    } else {
      next.set('amount', toLatinDigits(amount.trim()));
      next.set('unit', unit);
    }
    setParams(next);
  };

  const kinds = (rules.data?.items ?? []).filter((r) => r.days != null);

  return (
    <Stack>
      <PageTitle title={t('deadlineCalculator.title')} subtitle={t('deadlineCalculator.subtitle')} />
      <Card withBorder component="form" onSubmit={submit} noValidate data-testid="deadline-form">
        <Stack>
          <JalaliDateInput
            label={t('deadlineCalculator.form.deliveredOn')}
            value={deliveredOn}
            onChange={setDeliveredOn}
            required
            serverError={errors.deliveredOn ?? (missing ? t('deadlineCalculator.form.deliveredOnRequired') : null)}
            data-testid="deadline-delivered-on"
          />
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'amount' | 'kind')}
            fullWidth
            data={[
              { value: 'amount', label: t('deadlineCalculator.form.byAmount') },
              { value: 'kind', label: t('deadlineCalculator.form.byKind') },
            ]}
            aria-label={t('deadlineCalculator.form.how')}
            data-testid="deadline-mode"
          />
          {mode === 'amount' ? (
            <Group grow align="flex-start">
              <DigitsInput
                label={t('deadlineCalculator.form.amount')}
                value={amount}
                onChange={setAmount}
                error={errors.amount}
                data-testid="deadline-amount"
              />
              <Select
                label={t('deadlineCalculator.form.unit')}
                value={unit}
                onChange={(v) => v && setUnit(v as Unit)}
                allowDeselect={false}
                data={UNITS.map((u) => ({ value: u, label: t(`deadlineCalculator.units.${u}`) }))}
                error={errors.unit}
                comboboxProps={{ withinPortal: true }}
                data-testid="deadline-unit"
              />
            </Group>
          ) : (
            <>
              <Select
                label={t('deadlineCalculator.form.kind')}
                value={kind}
                onChange={setKind}
                allowDeselect={false}
                data={kinds.map((r) => ({
                  value: r.kind,
                  label: `${text(r.title)} (${t('deadlineCalculator.form.kindDays', { n: digits(r.days!) })})`,
                }))}
                error={errors.kind}
                comboboxProps={{ withinPortal: true }}
                data-testid="deadline-kind"
              />
              <Checkbox
                label={t('deadlineCalculator.form.abroad')}
                description={t('deadlineCalculator.form.abroadHint')}
                checked={abroad}
                onChange={(e) => setAbroad(e.currentTarget.checked)}
                data-testid="deadline-abroad"
              />
            </>
          )}
          <Group>
            <Button type="submit" loading={deadline.isFetching} data-testid="deadline-submit">
              {t('deadlineCalculator.form.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <ProblemAlert error={deadline.error} shownFields={['deliveredOn', 'amount', 'unit', 'kind']} />
      {deadline.data && !deadline.error ? <Result result={deadline.data} /> : null}
      <Text size="sm">
        {t('deadlineCalculator.findOffice')}{' '}
        <Anchor component={Link} to="/find-office">
          {t('deadlineCalculator.findOfficeLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
