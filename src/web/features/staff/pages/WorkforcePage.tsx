import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

/** /workforce */
export function WorkforcePage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.workforce')} />;
}
