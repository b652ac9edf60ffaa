import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits } from '#web/ui/PersianDigits.tsx';
import { RoleTable } from '../components/RoleList';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </div>
  );
}

/** /profile — one's own account, roles and scopes; the citizen's home. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Stack>
      <PageTitle title={t('identity.profile.title')} subtitle={t('identity.profile.subtitle')} />
      <Card withBorder padding="lg" data-testid="profile-card">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('identity.profile.displayName')}>{user.displayName}</Field>
          <Field label={t('identity.profile.kind')}>{t(`identity.profile.kinds.${user.kind}`)}</Field>
          {user.username ? (
            <Field label={t('identity.profile.username')}>
              <bdi dir="ltr">{user.username}</bdi>
            </Field>
          ) : null}
          {user.mobile ? (
            <Field label={t('identity.profile.mobile')}>
              <PersianDigits ltr>{user.mobile}</PersianDigits>
            </Field>
          ) : null}
        </SimpleGrid>
      </Card>
      <Title order={2} size="h4" mt="md">
        {t('identity.profile.rolesTitle')}
      </Title>
      <RoleTable roles={user.roles} />
    </Stack>
  );
}
