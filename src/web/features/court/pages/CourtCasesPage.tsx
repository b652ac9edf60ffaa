import '../i18n/index.ts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCases } from '../api/get-cases';
import { RefNumber } from '#web/ui/RefNumber.tsx';

/** /court/cases — the cases of the clerk's or judge's court, newest first. */
export function CourtCasesPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [page, setPage] = useState(1);
  const cases = useCases(page);
  return (
    <Stack>
      <PageTitle title={t('court.cases.title')} subtitle={t('court.cases.subtitle')} />
      <ProblemAlert error={cases.error} />
      {cases.data ? (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder data-testid="court-cases">
              <Table.Caption>{t('court.cases.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('court.fields.caseNumber')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.subject')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.court')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.branch')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.parties')}</Table.Th>
                  <Table.Th scope="col">{t('court.cases.notices')}</Table.Th>
                  <Table.Th scope="col">{t('court.fields.openedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="court-case-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/court/cases/${c.id}`} data-testid={`court-case-${c.id}`}>
                        <RefNumber value={c.caseNumber} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.subject}</Table.Td>
                    <Table.Td>{text(c.court.name)}</Table.Td>
                    <Table.Td>{digits(c.branch)}</Table.Td>
                    <Table.Td>{digits(c.partyCount)}</Table.Td>
                    <Table.Td>{digits(c.noticeCount)}</Table.Td>
                    <Table.Td>
                      <JalaliDate value={c.openedAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {cases.data.items.length === 0 ? <Text>{t('court.cases.empty')}</Text> : null}
          <Pager page={cases.data.page} pageSize={cases.data.pageSize} total={cases.data.total} onChange={setPage} />
        </>
      ) : cases.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
