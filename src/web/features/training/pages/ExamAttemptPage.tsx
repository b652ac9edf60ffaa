import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /exams/:attemptId */
export function ExamAttemptPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.exam')} />;
}
