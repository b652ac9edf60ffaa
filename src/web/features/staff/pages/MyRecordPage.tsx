import '../i18n/index.ts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOwnRecord } from '../api/staff';
import { StaffRecordView } from '../components/StaffRecordView';

/** /my-record — the signed-in staff member's own record, read-only. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const record = useOwnRecord();
  return (
    <Stack>
      <PageTitle title={t('staff.myRecord.title')} subtitle={t('staff.myRecord.subtitle')} />
      <ProblemAlert error={record.error} />
      {record.data ? (
        <StaffRecordView record={record.data} photoVersion={record.dataUpdatedAt} readOnly />
      ) : record.isPending ? (
        <Text>{t('staff.record.loading')}</Text>
      ) : null}
    </Stack>
  );
}
