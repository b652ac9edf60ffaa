import '../i18n/index.ts';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canOpen } from '#web/app/access.ts';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type ArbitrationSummary, useArbitrations } from '../api/arbitrations';

/** /arbitrations — a party's, an arbitrator's or the seat office's arbitration cases. */
export function ArbitrationsPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const cases = useArbitrations();
  const staff = user?.kind === 'staff' && user.roles.some((r) => r.role === 'operator' || r.role === 'office_manager');
  const columns: DataColumn<ArbitrationSummary>[] = [
    {
      key: 'id',
      header: t('arbitration.list.id'),
      cell: (c) => (
        <Anchor component={Link} to={`/arbitrations/${c.id}`} data-testid={`arbitration-open-${c.id}`}>
          {digits(c.id)}
        </Anchor>
      ),
    },
    {
      key: 'subject',
      header: t('arbitration.list.subject'),
      cell: (c) => (
        <Stack gap={2}>
          <span>{t(`arbitration.subjects.${c.subjectKind}`)}</span>
          <span dir="auto" style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
            {c.subject}
          </span>
        </Stack>
      ),
    },
    {
      key: 'state',
      header: t('arbitration.list.state'),
      cell: (c) => (
        // The stage in full (a badge would cut the longer ones short).
        <Text size="sm" fw={600} c="indigo.8" data-testid={`arbitration-state-${c.id}`}>
          {t(`arbitration.states.${c.state}`)}
        </Text>
      ),
    },
    { key: 'office', header: t('arbitration.list.office'), cell: (c) => text(c.seatOffice.name) },
    {
      key: 'createdAt',
      header: t('arbitration.list.createdAt'),
      cell: (c) => <JalaliDate value={c.createdAt} />,
      sortValue: (c) => c.createdAt,
      numeric: true,
    },
    {
      key: 'termLastDay',
      header: t('arbitration.list.termLastDay'),
      cell: (c) => <JalaliDate value={c.termLastDay?.iso} />,
      sortValue: (c) => c.termLastDay?.iso ?? '',
      numeric: true,
    },
  ];
  return (
    <Stack>
      <PageTitle
        title={t(staff ? 'arbitration.list.officeTitle' : 'arbitration.list.title')}
        subtitle={t('arbitration.list.subtitle')}
        actions={
          canOpen(user, 'arbitrationStart') ? (
            <Button component={Link} to="/arbitrations/new" data-testid="arbitration-start">
              {t('arbitration.list.start')}
            </Button>
          ) : null
        }
      />
      <DataTable
        testId="arbitrations"
        label={t('arbitration.list.title')}
        columns={columns}
        rowKey={(c) => c.id}
        rows={cases.data?.items}
        isPending={cases.isPending}
        error={cases.error}
        empty={t('arbitration.list.empty')}
      />
    </Stack>
  );
}
