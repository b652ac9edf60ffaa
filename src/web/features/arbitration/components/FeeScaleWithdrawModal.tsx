/**
 * The regulator withdraws a scale that is not yet in force, giving the reason. The server judges:
 * a blank reason is refused next to the field, a scale already in force (or withdrawn meanwhile)
 * is refused with its reason above the buttons.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type FeeScale, useWithdrawFeeScale } from '../api/arbitrations';

export function FeeScaleWithdrawModal({ scale, onClose }: { scale: FeeScale | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const withdraw = useWithdrawFeeScale();
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(withdraw.error, lang);

  const close = () => {
    setReason('');
    withdraw.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!scale) return;
    withdraw.mutate(
      { id: scale.id, reason },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('arbitration.feeScales.withdrawDone'),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={!!scale}
      onClose={close}
      title={t('arbitration.feeScales.withdrawTitle', {
        date: digits((scale?.validFrom.jalali ?? '').replace(/-/g, '/')),
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="fee-scale-withdraw-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('arbitration.feeScales.withdrawHint')}</Text>
          <Textarea
            label={t('arbitration.feeScales.withdrawReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            required
            data-autofocus
            error={errors.reason}
            data-testid="fee-scale-withdraw-reason"
          />
          <ProblemAlert error={withdraw.error} shownFields={['reason']} data-testid="fee-scale-withdraw-problem" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending} data-testid="fee-scale-withdraw-submit">
              {t('arbitration.feeScales.withdrawSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
