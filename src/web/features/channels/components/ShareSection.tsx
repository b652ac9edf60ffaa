/**
 * Channel share over time: filters (service, province, months), a chart of office and online
 * records per month with the online share, and the figures per month and per province.
 */
import { Card, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onlineSharePercent } from '#core/channel-share';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import type { CurrentUser } from '#web/app/auth.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import type { ChannelPolicy } from '../api/channel-policies';
import { useChannelShare } from '../api/channel-share';
import { statsScope } from './channel-access';
import { formatPercent, monthTotals } from './share-totals';

const ShareChart = lazy(async () => ({ default: (await import('./ShareChart')).ShareChart }));

/** Months people can pick: the last three years up to this month, newest first. */
function monthOptions(thisMonth: string, lang: 'fa' | 'en') {
  return Array.from({ length: 36 }, (_, i) => addJalaliMonths(thisMonth, -i)).map((m) => ({
    value: m,
    label: formatJalaliMonth(m, lang),
  }));
}

export function ShareSection({ user, services }: { user: CurrentUser | null; services: ChannelPolicy[] }) {
  const { t } = useTranslation();
  const { lang, count, text } = useDigits();
  const scope = statsScope(user);
  const thisMonth = useMemo(() => jalaliMonthOfIso(tehranIsoDate()), []);
  const [fromMonth, setFromMonth] = useState(() => addJalaliMonths(thisMonth, -11));
  const [toMonth, setToMonth] = useState(thisMonth);
  const [service, setService] = useState<string | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const share = useChannelShare({ fromMonth, toMonth, service, provinceId: provinceId ? Number(provinceId) : null });
  const months = monthOptions(thisMonth, lang);
  const percent = (value: number | null) => (value == null ? '—' : formatPercent(value, lang));
  const fieldErrors = fieldErrorsOf(share.error, lang);

  const totals = share.data ? monthTotals(share.data) : null;
  const provinces = (share.data?.byProvince ?? [])
    .filter((p) => p.office + p.online > 0)
    .sort((a, b) => (b.onlineSharePercent ?? -1) - (a.onlineSharePercent ?? -1));
  const sum = totals
    ? { office: totals.office.reduce((a, b) => a + b, 0), online: totals.online.reduce((a, b) => a + b, 0) }
    : null;

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('channels.share.title')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            label={t('channels.share.service')}
            placeholder={t('channels.share.allServices')}
            clearable
            searchable
            data={services.map((s) => ({ value: s.code, label: lang === 'fa' ? s.titleFa : s.titleEn }))}
            value={service}
            onChange={setService}
            error={fieldErrors.service}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-service"
          />
          {scope.national ? (
            <ProvinceSelect
              value={provinceId}
              onChange={setProvinceId}
              error={fieldErrors.provinceId}
              data-testid="share-province"
            />
          ) : scope.provinces.length > 1 ? (
            <Select
              label={t('channels.share.province')}
              clearable
              data={scope.provinces.map((p) => ({ value: String(p.id), label: text(p.label) }))}
              value={provinceId}
              onChange={setProvinceId}
              comboboxProps={{ withinPortal: true }}
              data-testid="share-province"
            />
          ) : (
            <Text size="sm" mt="lg" data-testid="share-own-province">
              {t('channels.share.ownProvince', { province: text(scope.provinces[0]?.label) })}
            </Text>
          )}
          <Select
            label={t('channels.share.fromMonth')}
            data={months}
            value={fromMonth}
            onChange={(v) => v && setFromMonth(v)}
            allowDeselect={false}
            error={fieldErrors.fromMonth}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-from"
          />
          <Select
            label={t('channels.share.toMonth')}
            data={months}
            value={toMonth}
            onChange={(v) => v && setToMonth(v)}
            allowDeselect={false}
            error={fieldErrors.toMonth}
            comboboxProps={{ withinPortal: true }}
            data-testid="share-to"
          />
        </SimpleGrid>
        <ProblemAlert error={share.error} shownFields={['service', 'provinceId', 'fromMonth', 'toMonth']} />

        {totals && sum ? (
          <>
            {sum.office + sum.online === 0 ? (
              <Text c="dimmed" data-testid="share-empty">
                {t('channels.share.noVolume')}
              </Text>
            ) : null}
            <Suspense fallback={<Text c="dimmed">{t('common.loading')}</Text>}>
              <ShareChart totals={totals} />
            </Suspense>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('channels.share.byMonth')}
                </Title>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped withTableBorder data-testid="share-month-table" aria-busy={share.isFetching}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('channels.share.month')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.office')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.online')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.onlineShare')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {totals.months.map((m, i) => (
                        <Table.Tr key={m} data-testid="share-month-row" data-month={m}>
                          <Table.Th scope="row" fw={400}>
                            {formatJalaliMonth(m, lang)}
                          </Table.Th>
                          <Table.Td>{count(totals.office[i])}</Table.Td>
                          <Table.Td>{count(totals.online[i])}</Table.Td>
                          <Table.Td>{percent(totals.onlineSharePercent[i])}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('channels.share.byProvince')}
                </Title>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped withTableBorder data-testid="share-province-table" aria-busy={share.isFetching}>
                    <Table.Caption>{t('channels.share.provinceCaption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('channels.share.province')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.office')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.online')}</Table.Th>
                        <Table.Th scope="col">{t('channels.share.onlineShare')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {provinces.map((p) => (
                        <Table.Tr key={p.provinceId} data-testid="share-province-row" data-province={p.provinceId}>
                          <Table.Th scope="row" fw={400}>
                            {text(p.name)}
                          </Table.Th>
                          <Table.Td>{count(p.office)}</Table.Td>
                          <Table.Td>{count(p.online)}</Table.Td>
                          <Table.Td>{percent(p.onlineSharePercent)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th scope="row">{t('channels.share.total')}</Table.Th>
                        <Table.Th>{count(sum.office)}</Table.Th>
                        <Table.Th>{count(sum.online)}</Table.Th>
                        <Table.Th>{percent(onlineSharePercent(sum.office, sum.online))}</Table.Th>
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
