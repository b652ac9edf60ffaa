/**
 * /tariffs/cost-model — each province's office cost defaults behind break-even: operators' wage
 * and insurance, operators per office, rent, other costs, and the monthly cost of a default
 * office. National oversight edits every province, a province's association its own; inspectors
 * read.
 */
import '../i18n/index.ts';
import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
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

  return (
    <Stack>
      <PageTitle title={t('simulator.cost.title')} subtitle={t('simulator.cost.subtitle')} />
      <ProblemAlert error={model.error} />
      {model.data ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover withTableBorder data-testid="cost-table">
            <Table.Caption>{t('simulator.cost.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('simulator.columns.province')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.operatorWageRials')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.insurancePercent')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.operatorsPerOffice')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.rentRials')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.otherRials')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.monthlyCost')}</Table.Th>
                <Table.Th scope="col">{t('simulator.cost.updated')}</Table.Th>
                {anyEditable ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('simulator.cost.edit')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.data.items.map((r) => (
                <Table.Tr key={r.provinceId} data-testid="cost-row" data-province={r.provinceId}>
                  <Table.Td>{text(r.name)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Money rials={r.operatorWageRials} />
                  </Table.Td>
                  <Table.Td>{percent(r.insurancePercent)}</Table.Td>
                  <Table.Td>
                    <Count value={r.operatorsPerOffice} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Money rials={r.rentRials} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Money rials={r.otherRials} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} fw={700} data-testid="cost-monthly">
                    <Money rials={r.monthlyCostRials} />
                  </Table.Td>
                  <Table.Td>
                    <JalaliDate value={r.updatedAt} />
                    {r.updatedBy ? (
                      <Text size="xs" c="dimmed">
                        {r.updatedBy}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {anyEditable ? (
                    <Table.Td>
                      {mayEdit(r.provinceId) ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setEditing(r)}
                          data-testid="cost-edit"
                          aria-label={t('simulator.cost.editTitle', { province: text(r.name) })}
                        >
                          {t('simulator.cost.edit')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : model.isPending ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : null}
      {!anyEditable && model.data ? (
        <Text size="sm" c="dimmed" data-testid="cost-read-only">
          {t('simulator.cost.readOnly')}
        </Text>
      ) : null}
      <CostDefaultsModal row={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
