import '../i18n/index.ts';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { LegalPersonsPanel } from '../components/LegalPersonsPanel';
import { RepresentativesPanel } from '../components/RepresentativesPanel';

/** /parties — companies and representatives an office names as parties of filings. */
export function PartiesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('eaccounts.parties.title')} subtitle={t('eaccounts.parties.subtitle')} />
      <Tabs defaultValue="companies" keepMounted={false} data-testid="parties-page">
        <Tabs.List mb="md">
          <Tabs.Tab value="companies" data-testid="tab-companies">
            {t('eaccounts.parties.companies')}
          </Tabs.Tab>
          <Tabs.Tab value="representatives" data-testid="tab-representatives">
            {t('eaccounts.parties.reps')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="companies">
          <LegalPersonsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="representatives">
          <RepresentativesPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
