import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { localDigits } from '#web/ui/PersianDigits.tsx';
import { EAccountForm } from '#web/ui/EAccountForm.tsx';
import { sendSelfRegistrationCode, useSelfRegister } from '../api/self-register';
import '#web/app/mantine-styles-more.ts';
import '#web/app/mantine-styles-rest.ts';

/**
 * /register — a citizen opens their judicial e-account online (where the catalog's channel policy
 * allows it): personal details, mobile confirmed by a one-time code; then they are signed in.
 */
export function SelfRegisterPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const register = useSelfRegister();
  const submit = async (input: Parameters<typeof register.mutateAsync>[0]) => {
    const { eaccount } = await register.mutateAsync(input);
    notifications.show({
      color: 'teal',
      autoClose: 15_000,
      closeButtonProps: { 'aria-label': t('common.close') },
      title: t('eaccounts.self.done'),
      message: t('eaccounts.self.doneMessage', { judicialId: localDigits(eaccount.judicialId, lang) }),
    });
  };
  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg" data-testid="self-register-page">
      <Stack>
        <div>
          <Title order={1} size="h2">
            {t('eaccounts.self.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('eaccounts.self.subtitle')}
          </Text>
        </div>
        <Alert color="gray" variant="light">
          {t('eaccounts.self.officeNote')}
        </Alert>
        <EAccountForm
          mode="online"
          sendCode={sendSelfRegistrationCode}
          submit={submit}
          submitLabel={t('eaccounts.self.submit')}
        />
        <Text size="sm" ta="center">
          {t('eaccounts.self.haveAccount')}{' '}
          <Anchor component={Link} to="/sign-in/citizen" data-testid="to-citizen-sign-in">
            {t('eaccounts.self.signIn')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
