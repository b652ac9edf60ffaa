/** The regulator's decision on an office's status: suspend, reinstate or close, with reason and dates. */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import type { Office } from '../api/get-offices';
import { useChangeStatus } from '../api/office-actions';

export function StatusForm({
  officeId,
  next,
  onDone,
}: {
  officeId: string;
  next: Office['status'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const change = useChangeStatus(officeId);
  const [reason, setReason] = useState('');
  const [fromDate, setFromDate] = useState(() => formatJalaliIso(isoToJalali(tehranIsoDate())));
  const [untilDate, setUntilDate] = useState('');
  const errors = fieldErrorsOf(change.error, lang);

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate(
      {
        status: next,
        reason: reason.trim() || undefined,
        fromDate,
        untilDate: next === 'suspended' && untilDate ? untilDate : undefined,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t(`offices.statusForm.done.${next}`),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="status-form">
      <Stack>
        <Textarea
          label={t('offices.statusForm.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required={next !== 'active'}
          error={errors.reason}
          autosize
          minRows={2}
          data-testid="status-reason"
        />
        <JalaliDateInput
          label={t('offices.statusForm.fromDate')}
          value={fromDate}
          onChange={setFromDate}
          serverError={errors.fromDate}
          required
        />
        {next === 'suspended' ? (
          <JalaliDateInput
            label={t('offices.statusForm.untilDate')}
            value={untilDate}
            onChange={setUntilDate}
            serverError={errors.untilDate}
          />
        ) : null}
        <ProblemAlert error={change.error} shownFields={['reason', 'fromDate', 'untilDate']} />
        <Group>
          <Button
            type="submit"
            color={next === 'active' ? 'teal' : 'red'}
            loading={change.isPending}
            data-testid="status-submit"
          >
            {t(`offices.statusForm.action.${next}`)}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
