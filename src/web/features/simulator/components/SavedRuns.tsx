/** The saved runs within the reader's scope, newest first; opening one shows its result as computed. */
import { Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSavedRuns } from '../api/simulator';

const PAGE_SIZE = 10;

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [page, setPage] = useState(1);
  const runs = useSavedRuns(page, PAGE_SIZE);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="saved-runs-title">
      <Title order={2} size="h4" id="saved-runs-title" mb="sm">
        {t('simulator.saved.title')}
      </Title>
      <ProblemAlert error={runs.error} />
      {runs.data ? (
        runs.data.items.length ? (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover withTableBorder data-testid="saved-runs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('simulator.saved.when')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.schedule')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.period')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.costChange')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.revenueChange')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.below')}</Table.Th>
                    <Table.Th scope="col">{t('simulator.saved.by')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('simulator.saved.open')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid="saved-run" aria-current={r.id === openId ? 'true' : undefined}>
                      <Table.Td>
                        <JalaliDate value={r.createdAt} withTime />
                      </Table.Td>
                      <Table.Td>
                        <bdi>{digits(r.scheduleCode)}</bdi> ← <bdi>{digits(r.baselineCode)}</bdi>
                      </Table.Td>
                      <Table.Td>
                        {digits(formatJalaliMonth(r.fromMonth, lang))} – {digits(formatJalaliMonth(r.toMonth, lang))}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Money rials={r.citizenCostChangeRials} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Money rials={r.officeRevenueChangeRials} />
                      </Table.Td>
                      <Table.Td>
                        {digits(r.belowBreakEvenBefore)} ← {digits(r.belowBreakEvenAfter)}
                      </Table.Td>
                      <Table.Td>{r.createdBy}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant={r.id === openId ? 'filled' : 'light'}
                          onClick={() => onOpen(r.id)}
                          data-testid="saved-run-open"
                        >
                          {t('simulator.saved.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={runs.data.total}
              onChange={setPage}
              testId="saved-runs-pager"
            />
          </>
        ) : (
          <Text data-testid="saved-runs-empty">{t('simulator.saved.none')}</Text>
        )
      ) : runs.isPending ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : null}
    </Paper>
  );
}
