/**
 * /proposals/in-review — everyone sees the proposals for new office services in review: what is
 * proposed, where, since when, and how far its clock has run in working days. Public.
 */
import '../i18n/index.ts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { type PublicProposal, useProposalsInReview } from '../api/proposals';
import { ClockText } from '../components/ClockText';

export function ProposalsInReviewPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const query = useProposalsInReview();
  const columns: DataColumn<PublicProposal>[] = [
    {
      key: 'service',
      header: t('proposals.columns.service'),
      cell: (p) => text(p.service.title),
      csv: (p) => text(p.service.title),
      rowHeader: true,
    },
    {
      key: 'elapsed',
      header: t('proposals.columns.elapsed'),
      cell: (p) => <PersianDigits>{p.workingDaysElapsed}</PersianDigits>,
      sortValue: (p) => p.workingDaysElapsed,
      numeric: true,
    },
    {
      key: 'clock',
      header: t('proposals.columns.clock'),
      cell: (p) => <ClockText clock={p.clock} />,
      csv: (p) => `${t(`proposals.phases.${p.phase}`)}: ${p.clock.elapsed}/${p.clock.limitDays}`,
    },
    {
      key: 'kind',
      header: t('proposals.columns.kind'),
      cell: (p) => t(`proposals.kinds.${p.kind}`),
      csv: (p) => t(`proposals.kinds.${p.kind}`),
    },
    {
      key: 'provinces',
      header: t('proposals.columns.provinces'),
      cell: (p) => p.provinces.map((v) => text(v.name)).join('، '),
      csv: (p) => p.provinces.map((v) => text(v.name)).join(', '),
    },
    {
      key: 'received',
      header: t('proposals.columns.received'),
      cell: (p) => <JalaliDate value={p.receivedOn} />,
      sortValue: (p) => p.receivedOn,
      numeric: true,
    },
  ];
  return (
    <Stack maw={1100} mx="auto" p="md">
      <PageTitle title={t('proposals.public.title')} subtitle={t('proposals.public.subtitle')} />
      <DataTable
        testId="public-proposals"
        caption={t('proposals.public.caption')}
        columns={columns}
        rowKey={(p) => p.id}
        rows={query.data?.items}
        isPending={query.isPending}
        error={query.error}
        empty={t('proposals.public.empty')}
        minWidth={640}
        csvFileName="proposals-in-review.csv"
        rowProps={() => ({ 'data-testid': 'public-proposal' })}
      />
    </Stack>
  );
}
