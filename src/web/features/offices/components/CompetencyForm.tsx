/** The regulator suspends, reinstates or withdraws one competency of an office, with a reason. */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useChangeCompetency, type CompetencyStatusInput } from '../api/office-actions';

export function CompetencyForm({
  officeId,
  serviceCode,
  next,
  onDone,
}: {
  officeId: string;
  serviceCode: string;
  next: CompetencyStatusInput['status'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const change = useChangeCompetency(officeId);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(change.error, lang);

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate(
      { serviceCode, status: next, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('offices.competency.done'),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="competency-form">
      <Stack>
        <Textarea
          label={t('offices.statusForm.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required={next !== 'active'}
          error={errors.reason}
          autosize
          minRows={2}
        />
        <ProblemAlert error={change.error} shownFields={['reason']} />
        <Group>
          <Button type="submit" color={next === 'active' ? 'teal' : 'red'} loading={change.isPending}>
            {t(`offices.competency.action.${next}`)}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
