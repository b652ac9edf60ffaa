import '../i18n/index.ts';
import { Anchor, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallResult } from '#web/app/api-client.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useCases } from '../api/get-cases';

type CaseItem = CallResult<'court.cases'>['items'][number];

/** /court/cases — the cases of the clerk's or judge's court, newest first. */
export function CourtCasesPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [page, setPage] = useState(1);
  const cases = useCases(page);
  const columns: DataColumn<CaseItem>[] = [
    {
      key: 'caseNumber',
      header: t('court.fields.caseNumber'),
      rowHeader: true,
      cell: (c) => (
        <Anchor component={Link} to={`/court/cases/${c.id}`} data-testid={`court-case-${c.id}`}>
          <RefNumber value={c.caseNumber} />
        </Anchor>
      ),
      csv: (c) => c.caseNumber,
    },
    { key: 'subject', header: t('court.fields.subject'), cell: (c) => c.subject },
    { key: 'court', header: t('court.fields.court'), cell: (c) => text(c.court.name) },
    { key: 'branch', header: t('court.fields.branch'), numeric: true, cell: (c) => digits(c.branch) },
    { key: 'parties', header: t('court.fields.parties'), numeric: true, cell: (c) => digits(c.partyCount) },
    { key: 'notices', header: t('court.cases.notices'), numeric: true, cell: (c) => digits(c.noticeCount) },
    { key: 'openedAt', header: t('court.fields.openedAt'), cell: (c) => <JalaliDate value={c.openedAt} /> },
  ];
  return (
    <Stack>
      <PageTitle
        title={t('court.cases.title')}
        subtitle={t('court.cases.subtitle')}
        actions={
          // Arbitration awards lodged with this court (Art. 485) are handled on their arbitration case.
          <Button component={Link} to="/arbitrations" variant="light" data-testid="court-arbitration-awards">
            {t('court.cases.arbitrationAwards')}
          </Button>
        }
      />
      <DataTable
        testId="court-cases"
        caption={t('court.cases.caption')}
        columns={columns}
        rowKey={(c) => c.id}
        rows={cases.data?.items}
        isPending={cases.isPending}
        isFetching={cases.isFetching}
        error={cases.error}
        paging={
          cases.data ? { page, pageSize: cases.data.pageSize, total: cases.data.total, onChange: setPage } : undefined
        }
        empty={t('court.cases.empty')}
        minWidth={760}
        rowProps={() => ({ 'data-testid': 'court-case-row' })}
      />
    </Stack>
  );
}
