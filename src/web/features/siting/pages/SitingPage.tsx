/** /network/siting — candidate locations and the optimizer's proposal for new offices. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function SitingPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.siting')} />;
}
