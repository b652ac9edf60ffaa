import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { localDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSecondsLeft } from '#web/ui/use-seconds-left.ts';
import { useLoginStaffWithCode, useRequestStaffCode } from '../api/staff-code';

/**
 * Offered on the staff sign-in page when the password sign-in is locked: a one-time code sent to
 * the account's registered mobile lets its owner in while strangers' guesses keep the lock on.
 */
export function StaffCodeSignIn({ username, onBack }: { username: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const requestCode = useRequestStaffCode();
  const login = useLoginStaffWithCode();
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [resendAt, setResendAt] = useState<number | null>(null);
  const resendIn = useSecondsLeft(resendAt);

  const sendCode = () => {
    login.reset();
    requestCode.mutate(
      { username },
      {
        onSuccess: (data) => {
          setSent(true);
          setCode('');
          setResendAt(Date.now() + data.resendInSeconds * 1000);
        },
        onError: (error) => {
          const retry = isApiError(error) ? error.problem.retryAfterSeconds : undefined;
          if (typeof retry === 'number') setResendAt(Date.now() + retry * 1000);
          // A code sent a moment ago still works: let the owner type it.
          if (isApiError(error) && error.code === 'otp_too_soon') setSent(true);
        },
      },
    );
  };

  const onLogin = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, code });
  };
  const codeErrors = fieldErrorsOf(login.error, lang);

  return (
    <Stack data-testid="staff-code-sign-in">
      <Alert color="orange" variant="light" title={t('identity.signIn.lockedTitle')} data-testid="staff-locked">
        {t('identity.signIn.lockedHelp')}
      </Alert>
      {!sent ? (
        <Stack>
          <ProblemAlert error={requestCode.error} shownFields={['username']} />
          <Button onClick={sendCode} loading={requestCode.isPending} data-testid="staff-request-code">
            {t('identity.signIn.sendCode')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={onLogin} noValidate>
          <Stack>
            <Alert color="indigo" variant="light" data-testid="staff-code-sent">
              {t('identity.signIn.codeSent')}
            </Alert>
            <ProblemAlert error={login.error ?? requestCode.error} shownFields={['code', 'username']} />
            <TextInput
              label={t('identity.signIn.code')}
              value={code}
              onChange={(e) => setCode(toLatinDigits(e.currentTarget.value).replace(/\D/g, ''))}
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              maxLength={6}
              required
              autoFocus
              error={codeErrors.code}
              data-testid="staff-code"
            />
            <Button
              type="submit"
              loading={login.isPending}
              disabled={code.length !== 6}
              data-testid="staff-code-submit"
            >
              {t('identity.signIn.submit')}
            </Button>
            <Group justify="space-between">
              <Button variant="subtle" size="compact-sm" onClick={onBack}>
                {t('identity.signIn.backToPassword')}
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={sendCode}
                disabled={resendIn > 0 || requestCode.isPending}
                data-testid="staff-resend"
              >
                {resendIn > 0
                  ? t('identity.signIn.resendIn', { seconds: localDigits(String(resendIn), lang) })
                  : t('identity.signIn.resend')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
