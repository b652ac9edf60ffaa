import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /licences */
export function LicencesPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.licences')} />;
}
