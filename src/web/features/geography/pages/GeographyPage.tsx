/** /admin/geography — the reference geography and its population figures; importing official tables. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function GeographyPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.geography')} />;
}
