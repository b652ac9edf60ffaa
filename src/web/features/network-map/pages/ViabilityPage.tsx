/** /network/viability — each office's demand, revenue and break-even, and its viability. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function ViabilityPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.viability')} />;
}
