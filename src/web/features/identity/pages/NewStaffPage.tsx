import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { CreateStaffForm } from '../components/CreateStaffForm';

/** /users/new — register a staff member and grant one role within the caller's scope. */
export function NewStaffPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <PageTitle
        title={t('identity.createStaff.title')}
        subtitle={t('identity.createStaff.subtitle')}
        actions={
          <Anchor component={Link} to="/users">
            {t('identity.createStaff.backToList')}
          </Anchor>
        }
      />
      <CreateStaffForm />
    </Stack>
  );
}
