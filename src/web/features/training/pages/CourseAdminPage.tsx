import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /training/courses/:id */
export function CourseAdminPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.trainingAdmin')} />;
}
