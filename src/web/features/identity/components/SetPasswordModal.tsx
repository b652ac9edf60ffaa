import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSetPassword } from '../api/set-password';
import type { StaffUser } from '../api/get-users';

/** Set a new password for one staff member (the server checks the caller's scope and the policy). */
export function SetPasswordModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useSetPassword();
  const [password, setPassword] = useState('');
  const errors = fieldErrorsOf(mutation.error, lang);

  const close = () => {
    setPassword('');
    mutation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    mutation.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            closeButtonProps: { 'aria-label': t('common.close') },
            title: t('identity.setPassword.done'),
            message: user.displayName,
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={!!user}
      onClose={close}
      title={t('identity.setPassword.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="set-password-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('identity.setPassword.for', { name: user?.displayName ?? '' })}</Text>
          <ProblemAlert error={mutation.error} shownFields={['password']} />
          <PasswordInput
            label={t('identity.setPassword.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            required
            data-autofocus
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('identity.signIn.showPassword') }}
            data-testid="set-password-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!password} data-testid="set-password-submit">
              {t('identity.setPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
