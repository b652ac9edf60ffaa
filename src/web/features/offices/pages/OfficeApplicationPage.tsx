import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /office-applications/:id */
export function OfficeApplicationPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.officeApplications')} />;
}
