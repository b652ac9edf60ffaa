/**
 * /channels — channel balance: each service's channel policy with its fee per channel (the
 * regulator changes it), and the share of services done at offices and online over time.
 */
import '../i18n/index.ts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useChannelPolicies } from '../api/channel-policies';
import { canChangePolicy } from '../components/channel-access';
import { PolicyTable } from '../components/PolicyTable';
import { ShareSection } from '../components/ShareSection';

export function ChannelsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const policies = useChannelPolicies();
  return (
    <Stack>
      <PageTitle title={t('channels.title')} subtitle={t('channels.subtitle')} />
      <PolicyTable editable={canChangePolicy(user)} />
      <ShareSection user={user} services={policies.data?.items ?? []} />
    </Stack>
  );
}
