import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function ChannelsPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.channels')} />;
}
