import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /my-record */
export function MyRecordPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.myRecord')} />;
}
