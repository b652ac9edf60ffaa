import '../i18n/index.ts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useStaffRecord } from '../api/staff';
import { StaffRecordView } from '../components/StaffRecordView';

/** /staff/:id — one staff member's record; the manager of their office keeps it here. */
export function StaffMemberPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const record = useStaffRecord(id);
  return (
    <Stack>
      <PageTitle
        title={record.data ? `${record.data.name.first} ${record.data.name.last}` : t('nav.staff')}
        subtitle={t('staff.registry.title')}
      />
      <ProblemAlert error={record.error} />
      {record.data ? (
        <StaffRecordView record={record.data} photoVersion={record.dataUpdatedAt} />
      ) : record.isPending ? (
        <Text>{t('staff.record.loading')}</Text>
      ) : null}
    </Stack>
  );
}
