import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '#web/app/api-client.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useEnrol } from '../api/sessions';
import type { CourseSession } from '../api/sessions';

const ENROLLABLE = ['operator', 'consultant', 'office_manager'];

/** An office manager enrols one of their office's staff in a session. */
export function EnrolStaffButton({ session, officeId }: { session: CourseSession; officeId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState<string | null>(null);
  const enrol = useEnrol();
  const staff = useQuery({
    queryKey: ['training', 'office-staff', officeId],
    queryFn: ({ signal }) => call('identity.users', { query: { officeId, pageSize: 200 } }, { signal }),
    enabled: open,
  });
  const options = (staff.data?.items ?? [])
    .filter((s) => s.roles.some((g) => ENROLLABLE.includes(g.role) && Number(g.scope.officeId) === officeId))
    .map((s) => ({ value: String(s.id), label: `${s.displayName}${s.username ? ` (${s.username})` : ''}` }));
  const close = () => {
    setOpen(false);
    setUserId(null);
    enrol.reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        disabled={session.seatsLeft === 0}
        onClick={() => setOpen(true)}
        data-testid={`enrol-staff-${session.id}`}
        aria-label={t('training.sessions.enrolStaffLabel', { course: session.course.titleFa })}
      >
        {t('training.sessions.enrolStaff')}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('training.bank.cancel') }}
        title={t('training.sessions.enrolStaffTitle', { course: session.course.titleFa })}
        centered
      >
        <Stack>
          <ProblemAlert error={staff.error ?? enrol.error} />
          {enrol.isSuccess ? (
            <Text c="teal" role="status">
              {t('training.sessions.staffEnrolled')}
            </Text>
          ) : null}
          <Select
            label={t('training.sessions.staffMember')}
            data={options}
            value={userId}
            onChange={setUserId}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="enrol-staff-select"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('training.bank.cancel')}
            </Button>
            <Button
              disabled={!userId}
              loading={enrol.isPending}
              onClick={() => enrol.mutate({ sessionId: session.id, userId: Number(userId) })}
              data-testid="enrol-staff-confirm"
            >
              {t('training.sessions.enrol')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
