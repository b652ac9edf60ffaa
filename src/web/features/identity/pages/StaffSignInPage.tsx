import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useLoginStaff } from '../api/login-staff';
import { StaffCodeSignIn } from '../components/StaffCodeSignIn';

/**
 * /sign-in — office and oversight staff sign in with username and password; when the password
 * sign-in is locked, the page offers a one-time code to the account's registered mobile instead.
 */
export function StaffSignInPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const login = useLoginStaff();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = fieldErrorsOf(login.error, lang);
  const locked = isApiError(login.error) && login.error.code === 'account_locked';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  const heading = (
    <div>
      <Title order={1} size="h2" id="staff-sign-in-title">
        {t('identity.signIn.title')}
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        {t('identity.signIn.subtitle')}
      </Text>
    </div>
  );

  if (locked)
    return (
      <Paper withBorder shadow="sm" p="xl" radius="lg">
        <Stack>
          {heading}
          <StaffCodeSignIn username={username.trim()} onBack={() => login.reset()} />
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg">
      <form onSubmit={submit} noValidate aria-labelledby="staff-sign-in-title">
        <Stack>
          {heading}
          <ProblemAlert
            error={login.error}
            shownFields={['username', 'password']}
            title={t('identity.signIn.failed')}
          />
          <TextInput
            label={t('identity.signIn.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            dir="ltr"
            required
            autoFocus
            error={fieldErrors.username}
            data-testid="staff-username"
          />
          <PasswordInput
            label={t('identity.signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('identity.signIn.showPassword') }}
            data-testid="staff-password"
          />
          <Button type="submit" loading={login.isPending} disabled={!username || !password} data-testid="staff-submit">
            {t('identity.signIn.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('identity.signIn.areYouCitizen')}{' '}
            <Anchor component={Link} to="/sign-in/citizen" data-testid="to-citizen-sign-in">
              {t('identity.signIn.toCitizen')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
