/**
 * /tariffs — tariff schedules as policy: the approved history (in force, upcoming, superseded) and
 * the drafts with who prepared them; the national association and the regulator start a draft,
 * copied or indexed from an approved schedule.
 */
import '../i18n/index.ts';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { type ScheduleSummary, useSchedules } from '../api/schedules';
import { NewDraftForm } from '../components/NewDraftForm';
import { canDraft, JalaliDay, StateBadge } from '../components/schedule-ui';

export function SchedulesPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { user } = useAuth();
  const schedules = useSchedules('all');
  const [drafting, setDrafting] = useState(false);
  const items = schedules.data?.items ?? [];
  const approved = items.filter((s) => s.status === 'approved');
  const title = (s: ScheduleSummary) => (lang === 'fa' ? s.titleFa : s.titleEn);
  const columns: DataColumn<ScheduleSummary>[] = [
    {
      key: 'title',
      header: t('tariffs.schedules.titleCol'),
      cell: (s) => (
        <>
          <Anchor component={Link} to={`/tariffs/${s.id}`}>
            {title(s)}
          </Anchor>
          <Text size="xs" c="dimmed" ta="start" data-testid={`schedule-code-${s.id}`}>
            <RefNumber value={s.code} />
          </Text>
        </>
      ),
      sortValue: title,
      csv: (s) => `${title(s)} (${s.code})`,
    },
    {
      key: 'from',
      header: t('tariffs.schedules.effectiveFrom'),
      cell: (s) => <JalaliDay value={s.effectiveFromJalali} />,
      sortValue: (s) => s.effectiveFromJalali,
      numeric: true,
    },
    {
      key: 'to',
      header: t('tariffs.schedules.effectiveTo'),
      cell: (s) => <JalaliDay value={s.effectiveToJalali} />,
      sortValue: (s) => s.effectiveToJalali,
      numeric: true,
    },
    {
      key: 'state',
      header: t('tariffs.schedules.stateCol'),
      cell: (s) => <StateBadge state={s.state} />,
      sortValue: (s) => t(`tariffs.schedules.state.${s.state}`),
    },
    {
      key: 'preparedBy',
      header: t('tariffs.schedules.preparedBy'),
      cell: (s) => s.createdBy?.name ?? '—',
      csv: (s) => s.createdBy?.name,
    },
    {
      key: 'approvedBy',
      header: t('tariffs.schedules.approvedBy'),
      cell: (s) => s.approvedBy?.name ?? '—',
      csv: (s) => s.approvedBy?.name,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('tariffs.schedules.title')}
        subtitle={t('tariffs.schedules.subtitle')}
        actions={
          canDraft(user) && !drafting ? (
            <Button onClick={() => setDrafting(true)} data-testid="new-draft">
              {t('tariffs.schedules.newDraft')}
            </Button>
          ) : null
        }
      />
      {drafting && schedules.data && <NewDraftForm approved={approved} onCancel={() => setDrafting(false)} />}
      <DataTable
        testId="schedules-table"
        label={t('tariffs.schedules.title')}
        columns={columns}
        rowKey={(s) => s.id}
        rows={schedules.data?.items}
        isPending={schedules.isPending}
        isFetching={schedules.isFetching}
        error={schedules.error}
        empty={t('tariffs.schedules.empty')}
        minWidth={760}
        csvFileName="tariff-schedules.csv"
        rowProps={(s) => ({ 'data-testid': `schedule-row-${s.code}` })}
      />
    </Stack>
  );
}
