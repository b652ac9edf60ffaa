/** /find-office — the nearest offices offering a service, with their hours and distance (public). */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function OfficeFinderPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.officeFinder')} />;
}
