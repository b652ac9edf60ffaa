import '../i18n/index.ts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  useAddCourtCostRule,
  useCourtCostRules,
  useRemoveCourtCostRule,
  type CourtCostRule,
  type NewCourtCostRule,
} from '../api/court-cost-rules';
import { type CourtCostLine, type QuoteLine, useQuoteFees } from '../api/quote-fees';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

function QuoteForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits, text } = useDigits();
  const services = useCatalogServices();
  const quote = useQuoteFees();
  const [service, setService] = useState<string | null>('petition');
  const [date, setDate] = useState('');
  const [parties, setParties] = useState<string | number>(2);
  const [pages, setPages] = useState<string | number>(2);
  const [claim, setClaim] = useState<string | number>('');
  const [channel, setChannel] = useState<'office' | 'online'>('office');
  const errors = fieldErrorsOf(quote.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!service) return;
    quote.mutate({
      service,
      channel,
      date: date || undefined,
      parties: enteredNumber(parties),
      pages: enteredNumber(pages),
      claimValueRials: enteredNumber(claim),
    });
  };
  const q = quote.data;
  const title = (l: { titleFa: string; titleEn: string }) => (lang === 'fa' ? l.titleFa : l.titleEn);
  const lineColumns = (totalRials: number): DataColumn<QuoteLine>[] => [
    { key: 'item', header: t('tariffs.item'), cell: title, footer: t('tariffs.total') },
    { key: 'quantity', header: t('tariffs.quantity'), cell: (l) => digits(l.quantity), numeric: true },
    { key: 'unit', header: t('tariffs.unit'), cell: (l) => <Money rials={l.unitRials} />, numeric: true },
    {
      key: 'amount',
      header: t('tariffs.amount'),
      cell: (l) => <Money rials={l.amountRials} />,
      numeric: true,
      footer: (
        <span data-testid="fees-total">
          <Money rials={totalRials} />
        </span>
      ),
    },
  ];
  const courtCostColumns: DataColumn<CourtCostLine>[] = [
    {
      key: 'item',
      header: t('tariffs.item'),
      cell: (l) => (
        <>
          {title(l)}
          <Text size="xs" c="dimmed">
            {t('tariffs.source')}: {l.source}
          </Text>
        </>
      ),
    },
    { key: 'amount', header: t('tariffs.amount'), cell: (l) => <Money rials={l.amountRials} />, numeric: true },
  ];
  return (
    <Stack>
      <Card withBorder component="form" onSubmit={submit} noValidate data-testid="fees-form">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <Select
            label={t('tariffs.service')}
            value={service}
            onChange={setService}
            error={errors.service}
            data-testid="fees-service"
            data={(services.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.title) }))}
            searchable
            allowDeselect={false}
          />
          <JalaliDateInput
            label={t('tariffs.date')}
            description={t('tariffs.dateHint')}
            value={date}
            onChange={setDate}
            serverError={errors.date ?? null}
            data-testid="fees-date"
          />
          <NumberInput
            label={t('tariffs.parties')}
            value={parties}
            onChange={setParties}
            min={0}
            allowDecimal={false}
            error={errors.parties}
            data-testid="fees-parties"
          />
          <NumberInput
            label={t('tariffs.pages')}
            value={pages}
            onChange={setPages}
            min={0}
            allowDecimal={false}
            error={errors.pages}
            data-testid="fees-pages"
          />
          <NumberInput
            label={t('tariffs.claimValue')}
            description={t('tariffs.claimValueHint')}
            value={claim}
            onChange={setClaim}
            min={0}
            thousandSeparator=","
            allowDecimal={false}
            error={errors.claimValueRials}
            data-testid="fees-claim"
          />
        </SimpleGrid>
        <Input.Wrapper label={t('tariffs.channel')} mt="sm">
          <div>
            <SegmentedControl
              value={channel}
              onChange={(v) => setChannel(v as 'office' | 'online')}
              data-testid="fees-channel"
              data={[
                { value: 'office', label: t('tariffs.channelOffice') },
                { value: 'online', label: t('tariffs.channelOnline') },
              ]}
            />
          </div>
        </Input.Wrapper>
        <ProblemAlert
          error={quote.error}
          shownFields={['service', 'date', 'parties', 'pages', 'claimValueRials', 'channel']}
        />
        <Group mt="md">
          <Button type="submit" loading={quote.isPending} data-testid="fees-calculate">
            {t('tariffs.calculate')}
          </Button>
        </Group>
      </Card>
      {q && (
        <Card withBorder data-testid="fees-result">
          <Stack>
            <Text c="dimmed">
              {t('tariffs.schedule', {
                title: lang === 'fa' ? q.schedule.titleFa : q.schedule.titleEn,
                from: digits(q.schedule.effectiveFromJalali.replace(/-/g, '/')),
              })}
            </Text>
            <Title order={2} size="h4">
              {t('tariffs.officeFee')}
            </Title>
            <DataTable
              testId="fees-lines"
              label={t('tariffs.officeFee')}
              columns={lineColumns(q.totalRials)}
              rowKey={(l) => l.code}
              rows={q.lines}
              pageSize="all"
              minWidth={480}
            />
            <Title order={2} size="h4">
              {t('tariffs.courtCosts')}
            </Title>
            {q.courtCosts.configured ? (
              <DataTable
                testId="fees-court-costs"
                label={t('tariffs.courtCosts')}
                columns={courtCostColumns}
                rowKey={(l) => l.ruleId}
                rows={q.courtCosts.lines}
                pageSize="all"
                minWidth={420}
              />
            ) : (
              <Alert color="yellow" data-testid="fees-court-costs-unknown">
                {t('tariffs.courtCostsNotConfigured')}
              </Alert>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function CourtCostRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const rules = useCourtCostRules();
  const remove = useRemoveCourtCostRule();
  const ruleColumns: DataColumn<CourtCostRule>[] = [
    {
      key: 'item',
      header: t('tariffs.item'),
      cell: (r) => (
        <>
          {lang === 'fa' ? r.titleFa : r.titleEn}
          <Text size="xs" c="dimmed">
            {t('tariffs.source')}: {r.source}
          </Text>
        </>
      ),
      sortValue: (r) => (lang === 'fa' ? r.titleFa : r.titleEn),
      csv: (r) => `${lang === 'fa' ? r.titleFa : r.titleEn} (${r.source})`,
    },
    {
      key: 'service',
      header: t('tariffs.service'),
      cell: (r) => <Badge variant="light">{r.serviceCode}</Badge>,
      sortValue: (r) => r.serviceCode,
    },
    {
      key: 'amount',
      header: t('tariffs.amount'),
      cell: (r) => (r.basis === 'fixed' ? <Money rials={r.amountRials ?? 0} /> : `${digits(r.percent ?? 0)}٪`),
      csv: (r) => (r.basis === 'fixed' ? (r.amountRials ?? 0) : `${r.percent ?? 0}%`),
      numeric: true,
    },
    {
      key: 'from',
      header: t('tariffs.rules.effectiveFrom'),
      cell: (r) => digits(formatJalaliIso(isoToJalali(r.effectiveFrom)).replace(/-/g, '/')),
      sortValue: (r) => r.effectiveFrom,
      csv: (r) => formatJalaliIso(isoToJalali(r.effectiveFrom)),
      numeric: true,
    },
    ...(canEdit
      ? [
          {
            key: 'remove',
            header: t('tariffs.rules.remove'),
            hideHeader: true,
            cell: (r: CourtCostRule) => (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('tariffs.rules.remove')}
                onClick={() => remove.mutate(r.id)}
              >
                ×
              </ActionIcon>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card withBorder data-testid="court-cost-rules">
      <Stack>
        <Title order={2} size="h4">
          {t('tariffs.rules.title')}
        </Title>
        <DataTable
          testId="court-cost-rules-table"
          label={t('tariffs.rules.title')}
          columns={ruleColumns}
          rowKey={(r) => r.id}
          rows={rules.data?.items}
          isPending={rules.isPending}
          error={rules.error}
          empty={t('tariffs.rules.empty')}
          minWidth={640}
          csvFileName="court-cost-rules.csv"
        />
        {canEdit && <AddRuleForm />}
      </Stack>
    </Card>
  );
}

function AddRuleForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const services = useCatalogServices();
  const add = useAddCourtCostRule();
  const [form, setForm] = useState<{
    serviceCode: string | null;
    titleFa: string;
    titleEn: string;
    basis: NewCourtCostRule['basis'];
    amount: string | number;
    percent: string | number;
    min: string | number;
    max: string | number;
    from: string;
    source: string;
  }>({
    serviceCode: 'petition',
    titleFa: '',
    titleEn: '',
    basis: 'fixed',
    amount: '',
    percent: '',
    min: '',
    max: '',
    from: '',
    source: '',
  });
  const errors = fieldErrorsOf(add.error, lang);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        serviceCode: form.serviceCode ?? '',
        titleFa: form.titleFa,
        titleEn: form.titleEn,
        basis: form.basis,
        amountRials: form.basis === 'fixed' ? enteredNumber(form.amount) : undefined,
        percent: form.basis === 'percent-of-claim' ? enteredNumber(form.percent) : undefined,
        minRials: enteredNumber(form.min),
        maxRials: enteredNumber(form.max),
        effectiveFrom: form.from,
        source: form.source,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('tariffs.rules.added') }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="court-cost-rule-form">
      <Stack>
        <Title order={3} size="h5">
          {t('tariffs.rules.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={t('tariffs.service')}
            value={form.serviceCode}
            onChange={(v) => set('serviceCode', v)}
            error={errors.serviceCode}
            allowDeselect={false}
            data={(services.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.title) }))}
          />
          <TextInput
            label={t('tariffs.rules.titleFa')}
            value={form.titleFa}
            onChange={(e) => set('titleFa', e.currentTarget.value)}
            error={errors.titleFa}
            required
          />
          <TextInput
            label={t('tariffs.rules.titleEn')}
            dir="ltr"
            value={form.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
            error={errors.titleEn}
            required
          />
          <Select
            label={t('tariffs.rules.basis')}
            value={form.basis}
            onChange={(v) => set('basis', (v ?? 'fixed') as NewCourtCostRule['basis'])}
            allowDeselect={false}
            data={[
              { value: 'fixed', label: t('tariffs.rules.fixed') },
              { value: 'percent-of-claim', label: t('tariffs.rules.percent-of-claim') },
            ]}
          />
          {form.basis === 'fixed' ? (
            <NumberInput
              label={t('tariffs.rules.amountRials')}
              value={form.amount}
              onChange={(v) => set('amount', v)}
              min={0}
              thousandSeparator=","
              error={errors.amountRials}
            />
          ) : (
            <NumberInput
              label={t('tariffs.rules.percent')}
              value={form.percent}
              onChange={(v) => set('percent', v)}
              min={0}
              max={100}
              decimalScale={3}
              error={errors.percent}
            />
          )}
          <JalaliDateInput
            label={t('tariffs.rules.effectiveFrom')}
            value={form.from}
            onChange={(v) => set('from', v)}
            serverError={errors.effectiveFrom ?? null}
            required
          />
          <NumberInput
            label={t('tariffs.rules.minRials')}
            value={form.min}
            onChange={(v) => set('min', v)}
            min={0}
            thousandSeparator=","
            error={errors.minRials}
          />
          <NumberInput
            label={t('tariffs.rules.maxRials')}
            value={form.max}
            onChange={(v) => set('max', v)}
            min={0}
            thousandSeparator=","
            error={errors.maxRials}
          />
          <TextInput
            label={t('tariffs.source')}
            description={t('tariffs.rules.sourceHelp')}
            value={form.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={errors.source}
            required
          />
        </SimpleGrid>
        <ProblemAlert
          error={add.error}
          shownFields={[
            'serviceCode',
            'titleFa',
            'titleEn',
            'amountRials',
            'percent',
            'minRials',
            'maxRials',
            'effectiveFrom',
            'source',
          ]}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('tariffs.rules.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /fees — the fee calculator for everyone signed in, and the court-cost rule set (maintained by the regulator). */
export function FeesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = !!user?.roles.some((g) => g.role === 'regulator_admin');
  return (
    <Stack>
      <PageTitle title={t('tariffs.title')} subtitle={t('tariffs.subtitle')} />
      <QuoteForm />
      <CourtCostRules canEdit={canEdit} />
    </Stack>
  );
}
