import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /training */
export function TrainingPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.training')} />;
}
