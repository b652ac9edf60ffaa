import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /office-applications */
export function OfficeApplicationsPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.officeApplications')} />;
}
