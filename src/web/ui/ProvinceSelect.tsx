import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { provincesQueryOptions } from './geo';
import { useDigits } from './PersianDigits';

/** A province picker fed by GET /api/v1/geo/provinces. Value: province id or null. */
export function ProvinceSelect(props: Omit<SelectProps, 'data'> & { 'data-testid'?: string }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const query = useQuery(provincesQueryOptions());
  const data = (query.data?.items ?? []).map((p) => ({ value: String(p.id), label: text(p.name) }));
  return (
    <Select
      label={t('ui.province.label')}
      placeholder={t('ui.province.all')}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      disabled={query.isError}
      data={data}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
