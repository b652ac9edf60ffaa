import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /training/admin */
export function TrainingAdminPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.trainingAdmin')} />;
}
