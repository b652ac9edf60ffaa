import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /competencies */
export function CompetenciesPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.competencies')} />;
}
