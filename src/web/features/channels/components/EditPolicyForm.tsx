/** The regulator's change of a service's channel policy: the new policy and the reason. */
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { CHANNEL_POLICIES } from '#server/modules/catalog/values';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useChangeChannelPolicy, type ChannelPolicy, type Channels } from '../api/channel-policies';

const POLICIES: readonly Channels[] = CHANNEL_POLICIES;

export function EditPolicyForm({ policy, onDone }: { policy: ChannelPolicy; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const change = useChangeChannelPolicy(policy.code);
  const [channels, setChannels] = useState<Channels>(policy.channels);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(change.error, lang);
  const service = lang === 'fa' ? policy.titleFa : policy.titleEn;

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate(
      { channels, reason },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'teal',
            message: t('channels.edit.done', { service, policy: t(`channels.policy.${updated.channels}`) }),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="policy-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('channels.edit.current', { policy: t(`channels.policy.${policy.channels}`) })}
        </Text>
        <Radio.Group
          label={t('channels.edit.channels')}
          value={channels}
          onChange={(v) => setChannels(v as Channels)}
          error={errors.channels}
          required
          data-testid="policy-channels"
        >
          <Stack gap="xs" mt="xs">
            {POLICIES.map((p) => (
              <Radio
                key={p}
                value={p}
                label={t(`channels.policy.${p}`)}
                description={t(`channels.policyHint.${p}`)}
                data-testid={`policy-option-${p}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('channels.edit.reason')}
          description={t('channels.edit.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
          data-testid="policy-reason"
        />
        <Alert color="yellow" variant="light">
          {t('channels.edit.effect')}
        </Alert>
        <ProblemAlert error={change.error} shownFields={['channels', 'reason']} />
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="policy-submit">
            {t('channels.edit.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
