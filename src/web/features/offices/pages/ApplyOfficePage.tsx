import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /offices/apply */
export function ApplyOfficePage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.applyOffice')} />;
}
