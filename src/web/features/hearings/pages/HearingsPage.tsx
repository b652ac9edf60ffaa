import '../i18n/index.ts';
import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { type HearingItem, useHearings } from '../api/hearings';

/** /hearings — the court's hearings for its clerk and judges, one's own for a citizen called to them. */
export function HearingsPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const hearings = useHearings();
  const columns: DataColumn<HearingItem>[] = [
    {
      key: 'case',
      header: t('hearings.fields.case'),
      rowHeader: true,
      cell: (h) => <RefNumber value={h.caseNumber} />,
      csv: (h) => h.caseNumber,
    },
    { key: 'court', header: t('hearings.fields.court'), cell: (h) => text(h.courtName) },
    { key: 'startsAt', header: t('hearings.fields.startsAt'), cell: (h) => <JalaliDate value={h.startsAt} withTime /> },
    { key: 'duration', header: t('hearings.fields.duration'), numeric: true, cell: (h) => digits(h.durationMinutes) },
    {
      key: 'state',
      header: t('hearings.fields.state'),
      cell: (h) => <Badge variant="light">{t(`hearings.states.${h.state}`)}</Badge>,
      csv: (h) => h.state,
    },
    {
      key: 'enter',
      header: t('hearings.list.enter'),
      cell: (h) => (
        <Group gap="sm" wrap="nowrap">
          <Anchor component={Link} to={`/hearings/${h.id}`} data-testid={`hearing-${h.id}`}>
            {t('hearings.list.enter')}
          </Anchor>
          {h.state !== 'closed' && h.state !== 'adjourned' && (
            <Anchor component={Link} to={`/hearings/${h.id}/self-test`} data-testid={`self-test-${h.id}`}>
              {t('hearings.selfTest.linkShort')}
            </Anchor>
          )}
        </Group>
      ),
      csv: () => '',
    },
  ];
  return (
    <Stack>
      <PageTitle title={t('hearings.list.title')} subtitle={t('hearings.list.subtitle')} />
      <DataTable
        testId="hearings"
        caption={t('hearings.list.caption')}
        columns={columns}
        rowKey={(h) => h.id}
        rows={hearings.data?.items}
        isPending={hearings.isPending}
        isFetching={hearings.isFetching}
        error={hearings.error}
        empty={t('hearings.list.empty')}
        minWidth={640}
      />
    </Stack>
  );
}
