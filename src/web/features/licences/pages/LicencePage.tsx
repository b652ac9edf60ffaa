import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /licences/:id */
export function LicencePage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.licences')} />;
}
