/**
 * The open notices aggregates as a table, like the services table above it: one line per province
 * and measure, a column per month; a suppressed value is shown as suppressed ("fewer than 5"), a
 * mean delay with no opened copy as a dash.
 */
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import type { OpenDataQuery } from '../api/get-open-data';
import { useOpenNotices } from '../api/get-open-notices';
import { linesByKey, MonthCrossTable } from './MonthCrossTable';

export function OpenNoticesTable({ query }: { query: OpenDataQuery }) {
  const { t } = useTranslation();
  const { lang, count, text } = useDigits();
  const notices = useOpenNotices(query);
  const data = notices.data;
  const decimal = (n: number) =>
    new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(n);

  return (
    <>
      <Title order={2} size="h3" id="notices">
        {t('stats.open.noticesTitle')}
      </Title>
      {notices.error && <ProblemAlert error={notices.error} />}
      {data && (
        <MonthCrossTable
          testId="open-notices-table"
          label={t('stats.open.noticesTableLabel')}
          headers={[t('stats.open.province'), t('stats.open.measure')]}
          headWidth={320}
          months={data.months}
          lines={linesByKey(data.rows, (r) => `${r.provinceId}:${r.measure}`).map((l) => ({
            key: l.key,
            testId: `open-notices-line-p${l.row.provinceId}-${l.row.measure}`,
            place: text(l.row.province),
            bold: l.row.measure === 'issued',
            what: t(`stats.open.noticeMeasureNames.${l.row.measure}`),
            cell: (m) => {
              const c = l.cells.get(m);
              if (c?.suppressed) return { suppressed: true };
              const shown =
                c?.value == null ? '—' : c.measure === 'mean_delay_hours' ? decimal(c.value) : count(c.value);
              return { suppressed: false, shown };
            },
          }))}
        />
      )}
    </>
  );
}
