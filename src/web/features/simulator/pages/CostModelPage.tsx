import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';

export function CostModelPage() {
  const { t } = useTranslation();
  return <PageTitle title={t('nav.costModel')} />;
}
