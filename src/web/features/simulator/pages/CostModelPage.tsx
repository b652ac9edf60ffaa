/**
 * /tariffs/cost-model — each province's office cost defaults behind break-even: operators' wage
 * and insurance, operators per office, rent, other costs, and the monthly cost of a default
 * office. National oversight edits every province, a province's association its own; inspectors
 * read.
 */
import '../i18n/index.ts';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import { useCostModel, type CostDefaults } from '../api/simulator';
import { CostDefaultsModal } from '../components/CostDefaultsModal';

const EDITORS = ['association_admin', 'regulator_admin'];

export function CostModelPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const { user } = useAuth();
  const model = useCostModel();
  const [editing, setEditing] = useState<CostDefaults | null>(null);

  const grants = (user?.roles ?? []).filter((r) => EDITORS.includes(r.role));
  const mayEdit = (provinceId: number) =>
    grants.some(
      (g) => g.scope.kind === 'nation' || (g.scope.kind === 'province' && Number(g.scope.provinceId) === provinceId),
    );
  const anyEditable = (model.data?.items ?? []).some((r) => mayEdit(r.provinceId));
  const percent = (v: number) =>
    `${new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 2 }).format(v)}${lang === 'fa' ? '٪' : '%'}`;

  const columns: DataColumn<CostDefaults>[] = [
    {
      key: 'province',
      header: t('simulator.columns.province'),
      cell: (r) => text(r.name),
      sortValue: (r) => text(r.name),
      rowHeader: true,
    },
    {
      key: 'wage',
      header: t('simulator.cost.operatorWageRials'),
      cell: (r) => <Money rials={r.operatorWageRials} />,
      sortValue: (r) => r.operatorWageRials,
      numeric: true,
    },
    {
      key: 'insurance',
      header: t('simulator.cost.insurancePercent'),
      cell: (r) => percent(r.insurancePercent),
      sortValue: (r) => r.insurancePercent,
      numeric: true,
    },
    {
      key: 'operators',
      header: t('simulator.cost.operatorsPerOffice'),
      cell: (r) => <Count value={r.operatorsPerOffice} />,
      sortValue: (r) => r.operatorsPerOffice,
      numeric: true,
    },
    {
      key: 'rent',
      header: t('simulator.cost.rentRials'),
      cell: (r) => <Money rials={r.rentRials} />,
      sortValue: (r) => r.rentRials,
      numeric: true,
    },
    {
      key: 'other',
      header: t('simulator.cost.otherRials'),
      cell: (r) => <Money rials={r.otherRials} />,
      sortValue: (r) => r.otherRials,
      numeric: true,
    },
    {
      key: 'monthly',
      header: t('simulator.cost.monthlyCost'),
      cell: (r) => (
        <Text span fw={700} inherit>
          <Money rials={r.monthlyCostRials} />
        </Text>
      ),
      sortValue: (r) => r.monthlyCostRials,
      numeric: true,
      cellProps: () => ({ 'data-testid': 'cost-monthly' }),
    },
    {
      key: 'updated',
      header: t('simulator.cost.updated'),
      cell: (r) => (
        <>
          <JalaliDate value={r.updatedAt} />
          {r.updatedBy ? (
            <Text size="xs" c="dimmed">
              {r.updatedBy}
            </Text>
          ) : null}
        </>
      ),
      sortValue: (r) => r.updatedAt,
      csv: (r) => r.updatedAt,
      numeric: true,
    },
    ...(anyEditable
      ? [
          {
            key: 'edit',
            header: t('simulator.cost.edit'),
            hideHeader: true,
            cell: (r: CostDefaults) =>
              mayEdit(r.provinceId) ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditing(r)}
                  data-testid="cost-edit"
                  aria-label={t('simulator.cost.editTitle', { province: text(r.name) })}
                >
                  {t('simulator.cost.edit')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageTitle title={t('simulator.cost.title')} subtitle={t('simulator.cost.subtitle')} />
      <DataTable
        testId="cost-table"
        caption={t('simulator.cost.caption')}
        columns={columns}
        rowKey={(r) => r.provinceId}
        rows={model.data?.items}
        isPending={model.isPending}
        isFetching={model.isFetching}
        error={model.error}
        pageSize="all"
        minWidth={1000}
        csvFileName="office-cost-model.csv"
        rowProps={(r) => ({ 'data-testid': 'cost-row', 'data-province': r.provinceId })}
      />
      {!anyEditable && model.data ? (
        <Text size="sm" c="dimmed" data-testid="cost-read-only">
          {t('simulator.cost.readOnly')}
        </Text>
      ) : null}
      <CostDefaultsModal row={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
