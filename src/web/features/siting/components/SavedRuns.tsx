/** The saved siting runs within the reader's scope, newest first; opening one draws it again. */
import { Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSavedRuns } from '../api/siting';

const PAGE_SIZE = 10;

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { count, digits, text, lang } = useDigits();
  const [page, setPage] = useState(1);
  const runs = useSavedRuns(page, PAGE_SIZE);
  const pct = (v: number) =>
    digits(new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(v)) +
    (lang === 'fa' ? '٪' : '%');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="siting-saved-title">
      <Title order={2} size="h4" id="siting-saved-title" mb="sm">
        {t('siting.saved.title')}
      </Title>
      <ProblemAlert error={runs.error} />
      {runs.data ? (
        runs.data.items.length ? (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover withTableBorder data-testid="siting-saved-runs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('siting.saved.when')}</Table.Th>
                    <Table.Th scope="col">{t('siting.saved.where')}</Table.Th>
                    <Table.Th scope="col">{t('siting.saved.params')}</Table.Th>
                    <Table.Th scope="col">{t('siting.saved.chosen')}</Table.Th>
                    <Table.Th scope="col">{t('siting.saved.gain')}</Table.Th>
                    <Table.Th scope="col">{t('siting.saved.by')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('siting.saved.open')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.items.map((r) => (
                    <Table.Tr
                      key={r.id}
                      data-testid="siting-saved-run"
                      aria-current={r.id === openId ? 'true' : undefined}
                    >
                      <Table.Td>
                        <JalaliDate value={r.createdAt} withTime />
                      </Table.Td>
                      <Table.Td>{r.provinceName ? text(r.provinceName) : t('siting.form.wholeCountry')}</Table.Td>
                      <Table.Td>
                        {t('siting.saved.paramsValue', {
                          radius: digits(r.radiusKm),
                          k: digits(r.k),
                          solver: t(`siting.solver.${r.solver}`),
                        })}
                      </Table.Td>
                      <Table.Td>{count(r.chosen)}</Table.Td>
                      <Table.Td>
                        {count(r.newlyCovered)} ({pct(r.gainPercent)})
                      </Table.Td>
                      <Table.Td>{r.createdBy}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant={r.id === openId ? 'filled' : 'light'}
                          onClick={() => onOpen(r.id)}
                          data-testid="siting-saved-open"
                        >
                          {t('siting.saved.open')}
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
              testId="siting-saved-pager"
            />
          </>
        ) : (
          <Text data-testid="siting-saved-empty">{t('siting.saved.none')}</Text>
        )
      ) : runs.isPending ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : null}
    </Paper>
  );
}
