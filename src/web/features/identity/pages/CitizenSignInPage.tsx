import '../i18n/index.ts';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { maskMobile } from '#core/identifiers';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { MobileField } from '#web/ui/MobileField.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { localDigits } from '#web/ui/PersianDigits.tsx';
import { useLoginCitizen } from '../api/login-citizen';
import { useRequestOtp } from '../api/request-otp';
import { useSecondsLeft } from '#web/ui/use-seconds-left.ts';
import '#web/app/mantine-styles-more.ts';
import '#web/app/mantine-styles-rest.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

function mmss(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** /sign-in/citizen — a citizen signs in with a one-time code sent by SMS to their mobile. */
export function CitizenSignInPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const requestOtp = useRequestOtp();
  const login = useLoginCitizen();

  const [mobile, setMobile] = useState('');
  const [mobileValid, setMobileValid] = useState(false);
  /** Where the code went (masked), once one was sent — by this page or a moment before. */
  const [sent, setSent] = useState<{ sentTo: string } | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const resendIn = useSecondsLeft(resendAt);

  const sendCode = () => {
    login.reset();
    requestOtp.mutate(
      { mobile },
      {
        onSuccess: (data) => {
          setSent(data);
          setCode('');
          setResendAt(Date.now() + data.resendInSeconds * 1000);
        },
        onError: (error) => {
          const retry = isApiError(error) ? error.problem.retryAfterSeconds : undefined;
          if (typeof retry === 'number') setResendAt(Date.now() + retry * 1000);
          // A code sent a moment ago (from another tab or device) still works: let the citizen type it.
          if (isApiError(error) && error.code === 'otp_too_soon')
            setSent((known) => known ?? { sentTo: maskMobile(mobile) });
        },
      },
    );
  };

  const onRequest = (event: FormEvent) => {
    event.preventDefault();
    if (mobileValid) sendCode();
  };

  const onLogin = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ mobile, code });
  };

  const mobileErrors = fieldErrorsOf(requestOtp.error, lang);
  /** The server kept the last code: it is under a minute old and unused. Said beside the code field, not as an error. */
  const tooSoon = isApiError(requestOtp.error) && requestOtp.error.code === 'otp_too_soon';
  const codeErrors = fieldErrorsOf(login.error, lang);

  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg">
      <Stack>
        <div>
          <Title order={1} size="h2">
            {t('identity.citizenSignIn.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('identity.citizenSignIn.subtitle')}
          </Text>
        </div>

        {!sent ? (
          <form onSubmit={onRequest} noValidate>
            <Stack>
              <ProblemAlert error={requestOtp.error} shownFields={['mobile']} />
              <MobileField
                value={mobile}
                onChange={(value, valid) => {
                  setMobile(value);
                  setMobileValid(valid);
                }}
                required
                autoFocus
                serverError={mobileErrors.mobile}
                data-testid="citizen-mobile"
              />
              <Button
                type="submit"
                loading={requestOtp.isPending}
                disabled={!mobileValid}
                data-testid="citizen-request-code"
              >
                {t('identity.citizenSignIn.requestCode')}
              </Button>
            </Stack>
          </form>
        ) : (
          <form onSubmit={onLogin} noValidate>
            <Stack>
              <Alert color="indigo" variant="light" data-testid="citizen-code-sent">
                {t(tooSoon ? 'identity.citizenSignIn.codeSentEarlier' : 'identity.citizenSignIn.codeSent', {
                  mobile: `\u2066${localDigits(sent.sentTo, lang)}\u2069`,
                })}
                {tooSoon && resendIn > 0 ? (
                  <Text size="sm" mt={4} data-testid="citizen-new-code-in">
                    {t('identity.citizenSignIn.newCodeIn', { seconds: localDigits(String(resendIn), lang) })}
                  </Text>
                ) : null}
              </Alert>
              {import.meta.env.DEV ? (
                <Text size="xs" c="dimmed">
                  {t('identity.citizenSignIn.devHint')}
                </Text>
              ) : null}
              <ProblemAlert
                error={login.error ?? (tooSoon ? null : requestOtp.error)}
                shownFields={['code', 'mobile']}
              />
              <DigitsInput
                label={t('identity.citizenSignIn.code')}
                value={code}
                onChange={setCode}
                onlyDigits
                autoComplete="one-time-code"
                maxLength={8}
                required
                autoFocus
                error={codeErrors.code}
                data-testid="citizen-code"
              />
              <Button type="submit" loading={login.isPending} disabled={code.length < 4} data-testid="citizen-submit">
                {t('identity.citizenSignIn.submit')}
              </Button>
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    setSent(null);
                    login.reset();
                    requestOtp.reset();
                  }}
                >
                  {t('identity.citizenSignIn.changeMobile')}
                </Button>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={sendCode}
                  disabled={resendIn > 0 || requestOtp.isPending}
                  data-testid="citizen-resend"
                  aria-live="polite"
                >
                  {resendIn > 0
                    ? t('identity.citizenSignIn.resendIn', { time: `\u2066${localDigits(mmss(resendIn), lang)}\u2069` })
                    : t('identity.citizenSignIn.resend')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        <Text size="sm" ta="center">
          {t('eaccounts.self.noAccount')}{' '}
          <Anchor component={Link} to="/register" data-testid="to-self-register">
            {t('eaccounts.self.registerLink')}
          </Anchor>
        </Text>
        <Text size="sm" ta="center">
          {t('identity.citizenSignIn.areYouStaff')}{' '}
          <Anchor component={Link} to="/sign-in" data-testid="to-staff-sign-in">
            {t('identity.citizenSignIn.toStaff')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
