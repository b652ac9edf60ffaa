import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /staff/:id */
export function StaffMemberPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.staff')} />;
}
