import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /staff */
export function StaffRegistryPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.staff')} />;
}
