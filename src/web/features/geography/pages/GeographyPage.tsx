/** /admin/geography — the reference geography and its population figures; importing official tables. */
import '../i18n/index.ts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useProvinces } from '../api/geography';
import { ImportForm } from '../components/ImportForm';
import { ImportHistory } from '../components/ImportHistory';
import { ProvinceDetail } from '../components/ProvinceDetail';
import { ProvincesTable } from '../components/ProvincesTable';

export function GeographyPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const provinces = useProvinces();
  const [selected, setSelected] = useState<number | null>(null);
  const selectedProvince = provinces.data?.items.find((p) => p.id === selected);
  return (
    <Stack gap="lg">
      <PageTitle title={t('nav.geography')} />
      <Text c="dimmed">{t('geography.subtitle')}</Text>
      <Card withBorder>
        <Title order={3} mb="sm">
          {t('geography.provincesTitle')}
        </Title>
        <ProvincesTable
          provinces={provinces.data?.items}
          isPending={provinces.isPending}
          error={provinces.error}
          selected={selected}
          onSelect={setSelected}
        />
      </Card>
      {selected !== null ? (
        <Card withBorder>
          <Title order={3} mb="sm">
            {text(selectedProvince?.name)}
          </Title>
          <ProvinceDetail provinceId={selected} />
        </Card>
      ) : null}
      <Card withBorder>
        <Title order={3} mb="sm">
          {t('geography.import.title')}
        </Title>
        <ImportForm />
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          {t('geography.history.title')}
        </Title>
        <ImportHistory />
      </Card>
      <Text size="xs" c="dimmed" data-testid="geography-attribution">
        {t('geography.attribution')}
      </Text>
    </Stack>
  );
}
