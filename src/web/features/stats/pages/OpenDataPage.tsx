/**
 * /open-data — anyone, signed in or not: the open statistics (services by province and month, or
 * a province with its offices), the figures as a table with a suppressed count shown as such, the
 * notices aggregates (issued, opened at an office and online, unopened, mean delay) as a second table, the
 * CSV of the same view and a year's bulk download, the licence, and the data dictionary describing
 * every column. The province and period live in the address, so a view can be shared.
 */
import '../i18n/index.ts';
import { Alert, Anchor, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { SMALL_COUNT_THRESHOLD } from '#core/small-counts';
import { OPEN_DATA_COLUMNS, OPEN_NOTICE_MEASURES } from '#server/modules/stats/values';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  type OpenData,
  type OpenDataQuery,
  openDataCsvUrl,
  openNoticesCsvUrl,
  openYearCsvUrl,
  useOpenData,
} from '../api/get-open-data';
import { linesByKey, MonthCrossTable } from '../components/MonthCrossTable';
import { OpenNoticesTable } from '../components/OpenNoticesTable';
import '#web/app/mantine-styles-more.ts';
import '#web/app/mantine-styles-rest.ts';

type OpenRow = OpenData['rows'][number];

export function OpenDataPage() {
  const { t } = useTranslation();
  const { lang, count, digits, text } = useDigits();
  const [params, setParams] = useSearchParams();
  const query: OpenDataQuery = useMemo(
    () => ({
      provinceId: params.get('provinceId') ? Number(params.get('provinceId')) : undefined,
      fromMonth: params.get('fromMonth') ?? undefined,
      toMonth: params.get('toMonth') ?? undefined,
    }),
    [params],
  );
  const open = useOpenData(query);
  // The nation's file names every province: the choice of province comes from it.
  const nation = useOpenData({ fromMonth: query.fromMonth, toMonth: query.toMonth });
  const data = open.data;
  const fieldErrors = fieldErrorsOf(open.error, lang);

  const thisMonth = useMemo(() => jalaliMonthOfIso(tehranIsoDate()), []);
  const thisYear = Number(thisMonth.slice(0, 4));
  const monthOptions = useMemo(
    () =>
      Array.from({ length: 36 }, (_, i) => addJalaliMonths(thisMonth, -i)).map((m) => ({
        value: m,
        label: formatJalaliMonth(m, lang),
      })),
    [thisMonth, lang],
  );
  const provinces = useMemo(() => {
    const seen = new Map<number, OpenRow['province']>();
    for (const r of nation.data?.rows ?? []) seen.set(r.provinceId, r.province);
    return [...seen].map(([id, name]) => ({ value: String(id), label: text(name) }));
  }, [nation.data, text]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const lines = data
    ? linesByKey(data.rows, (r) => `${r.level}:${r.provinceId}:${r.officeCode ?? ''}:${r.channel}`)
    : [];
  const placeOf = (r: OpenRow) =>
    r.level === 'office' ? `${text(r.office)} (${digits(r.officeCode ?? '')})` : text(r.province);

  return (
    <Stack>
      <PageTitle title={t('stats.open.title')} subtitle={t('stats.open.subtitle')} />
      <Alert color="blue" data-testid="open-licence">
        {t('stats.open.licence')}{' '}
        <Anchor
          href={data?.licence.url ?? 'https://creativecommons.org/licenses/by/4.0/'}
          target="_blank"
          rel="license"
        >
          {data?.licence.name ?? 'CC BY 4.0'}
        </Anchor>
        {data ? ` — ${text(data.licence.attribution)}` : ''}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('stats.open.province')}
          placeholder={t('stats.open.allProvinces')}
          clearable
          searchable
          data={provinces}
          value={query.provinceId ? String(query.provinceId) : null}
          onChange={(v) => set('provinceId', v)}
          data-testid="open-province"
        />
        <Select
          label={t('stats.services.fromMonth')}
          data={monthOptions}
          clearable
          value={query.fromMonth ?? null}
          onChange={(v) => set('fromMonth', v)}
          error={fieldErrors.fromMonth}
        />
        <Select
          label={t('stats.services.toMonth')}
          data={monthOptions}
          clearable
          value={query.toMonth ?? null}
          onChange={(v) => set('toMonth', v)}
          error={fieldErrors.toMonth}
        />
      </SimpleGrid>
      {open.error && Object.keys(fieldErrors).length === 0 && <ProblemAlert error={open.error} />}
      <Group>
        <Anchor href={openDataCsvUrl(query)} download data-testid="open-csv">
          {t('stats.open.csv')}
        </Anchor>
        <Anchor href={openNoticesCsvUrl(query)} download data-testid="open-notices-csv">
          {t('stats.open.noticesCsv')}
        </Anchor>
        {[thisYear, thisYear - 1].map((y) => (
          <Anchor key={y} href={openYearCsvUrl(y)} download data-testid={`open-year-${y}`}>
            {t('stats.open.year', { year: digits(y) })}
          </Anchor>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('stats.open.suppression', { threshold: digits(SMALL_COUNT_THRESHOLD) })}
      </Text>
      {data && (
        <MonthCrossTable
          testId="open-table"
          label={t('stats.open.tableLabel')}
          headers={[t('stats.open.place'), t('stats.open.channel')]}
          headWidth={220}
          months={data.months}
          lines={lines.map((l) => ({
            key: l.key,
            testId: `open-line-${l.row.officeCode ?? `p${l.row.provinceId}-${l.row.channel}`}`,
            place: placeOf(l.row),
            bold: l.row.level === 'province',
            what: t(`stats.open.channels.${l.row.channel}`),
            cell: (m) => {
              const c = l.cells.get(m);
              return c?.suppressed ? { suppressed: true } : { suppressed: false, shown: count(c?.services ?? 0) };
            },
          }))}
        />
      )}
      <OpenNoticesTable query={query} />
      <Title order={2} size="h3" id="dictionary">
        {t('stats.open.dictionary')}
      </Title>
      <Text>{t('stats.open.dictionaryIntro')}</Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer
          minWidth={480}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('stats.open.dictionary') } }}
        >
          <Table data-testid="open-dictionary">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.open.column')}</Table.Th>
                <Table.Th>{t('stats.open.type')}</Table.Th>
                <Table.Th>{t('stats.open.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {OPEN_DATA_COLUMNS.map((c) => (
                <Table.Tr key={c}>
                  <Table.Td>
                    <code dir="ltr">{c}</code>
                  </Table.Td>
                  <Table.Td>{t(`stats.open.columns.${c}.type`)}</Table.Td>
                  <Table.Td>{t(`stats.open.columns.${c}.meaning`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Title order={3} size="h4" id="dictionary-notices">
        {t('stats.open.noticesDictionary')}
      </Title>
      <Text size="sm">{t('stats.open.noticesIntro')}</Text>
      <List size="sm" data-testid="open-notices-dictionary">
        {OPEN_NOTICE_MEASURES.map((m) => (
          <List.Item key={m}>
            <code dir="ltr">{m}</code> — {t(`stats.open.noticeMeasures.${m}`)}
          </List.Item>
        ))}
      </List>
      <List size="sm">
        <List.Item>{t('stats.open.notes.source')}</List.Item>
        <List.Item>{t('stats.open.notes.online')}</List.Item>
        <List.Item>{t('stats.open.notes.secondary')}</List.Item>
        <List.Item>{t('stats.open.notes.api')}</List.Item>
      </List>
    </Stack>
  );
}
