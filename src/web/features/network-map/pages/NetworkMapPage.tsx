/** /network/map — offices over a province choropleth, with each province's and county's figures. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function NetworkMapPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.networkMap')} />;
}
