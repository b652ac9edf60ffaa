/**
 * /tariffs — tariff schedules as policy: the approved history (in force, upcoming, superseded) and
 * the drafts with who prepared them; the national association and the regulator start a draft,
 * copied or indexed from an approved schedule.
 */
import '../i18n/index.ts';
import { Anchor, Button, Card, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSchedules } from '../api/schedules';
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
      <ProblemAlert error={schedules.error} />
      <Card withBorder p={0}>
        <ScrollArea type="auto">
          <Table highlightOnHover miw={760} data-testid="schedules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tariffs.schedules.titleCol')}</Table.Th>
                <Table.Th>{t('tariffs.schedules.effectiveFrom')}</Table.Th>
                <Table.Th>{t('tariffs.schedules.effectiveTo')}</Table.Th>
                <Table.Th>{t('tariffs.schedules.stateCol')}</Table.Th>
                <Table.Th>{t('tariffs.schedules.preparedBy')}</Table.Th>
                <Table.Th>{t('tariffs.schedules.approvedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid={`schedule-row-${s.code}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tariffs/${s.id}`}>
                      {lang === 'fa' ? s.titleFa : s.titleEn}
                    </Anchor>
                    <Text size="xs" c="dimmed" dir="ltr" ta="start">
                      {s.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <JalaliDay value={s.effectiveFromJalali} />
                  </Table.Td>
                  <Table.Td>
                    <JalaliDay value={s.effectiveToJalali} />
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={s.state} />
                  </Table.Td>
                  <Table.Td>{s.createdBy?.name ?? '—'}</Table.Td>
                  <Table.Td>{s.approvedBy?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
              {schedules.data && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">{t('tariffs.schedules.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
    </Stack>
  );
}
