import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeOptionsQueryOptions } from './geo';
import { useDigits } from './PersianDigits';

/** An office picker that searches GET /api/v1/offices as you type. Value: office id or null. */
export function OfficeSelect({
  provinceId,
  ...props
}: Omit<SelectProps, 'data'> & { provinceId?: string | null; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [search, setSearch] = useState('');
  // The chosen option stays listed even when a later search no longer returns it.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const q = chosen && debounced === chosen.label ? '' : debounced;
  const query = useQuery({ ...officeOptionsQueryOptions({ q, provinceId }), placeholderData: keepPreviousData });
  const data = (query.data?.items ?? []).map((o) => {
    const name = text(o.name);
    // Office names often carry their code already («دفتر … ۱۱۰۰۱ — ونک»); do not repeat it.
    const code = name.includes(digits(o.code)) || name.includes(o.code) ? '' : ` (${digits(o.code)})`;
    return { value: String(o.id), label: `${name} — ${text(o.city.name)}${code}` };
  });
  if (chosen && !data.some((o) => o.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label={t('ui.office.label')}
      placeholder={t('ui.office.placeholder')}
      searchable
      clearable
      filter={({ options }) => options}
      onSearchChange={setSearch}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={data}
      comboboxProps={{ withinPortal: true }}
      {...props}
      onChange={(value, option) => {
        setChosen(value && option ? { value, label: option.label } : null);
        props.onChange?.(value, option);
      }}
    />
  );
}
