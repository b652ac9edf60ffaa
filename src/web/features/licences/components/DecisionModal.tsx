/** One decision on a licence — renew, suspend, reinstate, revoke — with its reason (and a suspension's end date). */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { localDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useLicenceDecision, type Licence, type LicenceDecision } from '../api/licences';

const REASON_REQUIRED: LicenceDecision[] = ['suspend', 'revoke'];

export function DecisionModal({
  licence,
  decision,
  onClose,
}: {
  licence: Licence;
  decision: LicenceDecision | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useLicenceDecision(licence.id);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const errors = fieldErrorsOf(mutation.error, lang);

  const close = () => {
    setReason('');
    setUntil('');
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    mutation.mutate(
      { decision, reason: reason.trim(), until: until || undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            closeButtonProps: { 'aria-label': t('common.close') },
            title: t(`licences.decisions.${decision}.done`),
            message: localDigits(licence.number, lang),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      title={decision ? t(`licences.decisions.${decision}.title`) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="licence-decision-modal"
    >
      {decision ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t(`licences.decisions.${decision}.explain`)}</Text>
            <ProblemAlert error={mutation.error} shownFields={['reason', 'until']} data-testid="decision-problem" />
            {decision !== 'renew' ? (
              <Textarea
                label={t('licences.decisions.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required={REASON_REQUIRED.includes(decision)}
                autosize
                minRows={2}
                error={errors.reason}
                data-autofocus
                data-testid="decision-reason"
              />
            ) : null}
            {decision === 'suspend' ? (
              <JalaliDateInput
                label={t('licences.decisions.until')}
                description={t('licences.decisions.untilHint')}
                value={until}
                onChange={setUntil}
                serverError={errors.until}
                data-testid="decision-until"
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={decision === 'revoke' || decision === 'suspend' ? 'red' : undefined}
                loading={mutation.isPending}
                data-testid="decision-submit"
              >
                {t(`licences.decisions.${decision}.submit`)}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
