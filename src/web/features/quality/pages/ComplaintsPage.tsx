/**
 * /complaints — complaints against offices (docs/decisions/0063). A citizen files one and follows
 * their own; an operator files one at the counter for a citizen, against another office; an
 * office's manager answers those against their office within five working days; the province's
 * association decides them, upheld or dismissed, with its reasons.
 */
import '../i18n/index.ts';
import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATES, type ComplaintState } from '#core/quality/complaint';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type Complaint, useComplaints } from '../api/complaints';
import { ComplaintCard } from '../components/ComplaintCard';
import { ComplaintForm } from '../components/ComplaintForm';

export function ComplaintsPage() {
  const { t } = useTranslation();
  const { hasRole, user } = useAuth();
  const mayRead = hasRole(...PERMISSIONS['quality.complaints.read']);
  const mayFile = hasRole(...PERMISSIONS['quality.complaints.file']);
  const atOffice = (user?.roles ?? []).some((g) => g.role === 'operator' || g.role === 'office_manager');
  const [state, setState] = useState<'all' | ComplaintState>('all');
  const [filing, setFiling] = useState(false);
  const [filed, setFiled] = useState<Complaint | null>(null);
  const list = useComplaints({ state: state === 'all' ? undefined : state }, mayRead);
  const items = list.data?.items ?? (filed ? [filed] : []);

  return (
    <Stack>
      <PageTitle
        title={t('quality.complaint.title')}
        subtitle={t('quality.complaint.subtitle')}
        actions={
          mayFile && !filing ? (
            <Button onClick={() => setFiling(true)} data-testid="complaint-new">
              {t('quality.complaint.new')}
            </Button>
          ) : null
        }
      />
      {filing ? (
        <ComplaintForm
          atOffice={atOffice}
          onDone={(c) => {
            setFiled(c);
            setFiling(false);
          }}
        />
      ) : null}
      {filed && !filing ? (
        <Alert color="green" variant="light" role="status" data-testid="complaint-filed">
          {t('quality.complaint.filedNotice')}
        </Alert>
      ) : null}
      {mayRead ? (
        <Select
          label={t('quality.complaint.stateFilter')}
          value={state}
          onChange={(v) => setState((v ?? 'all') as typeof state)}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('quality.complaint.all') },
            ...COMPLAINT_STATES.map((s) => ({ value: s, label: t(`quality.complaint.states.${s}`) })),
          ]}
          comboboxProps={{ withinPortal: true }}
          maw={280}
          data-testid="complaint-filter"
        />
      ) : null}
      <ProblemAlert error={list.error} />
      {items.length === 0 && !list.isPending ? (
        <Text c="dimmed" data-testid="complaints-none">
          {t('quality.complaint.none')}
        </Text>
      ) : (
        <Stack component="ul" p={0} m={0} gap="sm" data-testid="complaints">
          {items.map((c) => (
            <ComplaintCard
              key={c.id}
              complaint={c}
              mayAnswer={hasRole(...PERMISSIONS['quality.complaints.answer'])}
              mayDecide={hasRole(...PERMISSIONS['quality.complaints.decide'])}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
