import { Group, Select } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useCourtOptions } from '../api/get-court-options';

/** Province → city → court → branch. */
export function CourtPicker({
  courtId,
  branch,
  initialProvinceId,
  onChange,
  errors,
}: {
  courtId: number | null;
  branch: number | null;
  initialProvinceId: number | null;
  onChange: (v: { courtId: number | null; branch: number | null }) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [provinceId, setProvinceId] = useState<number | null>(initialProvinceId);
  const [cityId, setCityId] = useState<number | null>(null);
  useEffect(() => {
    if (initialProvinceId != null) setProvinceId(initialProvinceId);
  }, [initialProvinceId]);
  const courts = useCourtOptions(provinceId).data?.items ?? [];
  const chosen = courts.find((c) => c.id === courtId) ?? null;
  useEffect(() => {
    if (chosen && cityId == null) setCityId(chosen.city.id);
  }, [chosen, cityId]);
  const cities = useMemo(() => [...new Map(courts.map((c) => [c.city.id, c.city])).values()], [courts]);
  return (
    <Group grow align="flex-start" data-testid="court-picker">
      <ProvinceSelect
        allowDeselect={false}
        label={t('filings.court.province')}
        description={t('filings.help.province')}
        value={provinceId ? String(provinceId) : null}
        onChange={(v) => {
          setProvinceId(v ? Number(v) : null);
          setCityId(null);
          onChange({ courtId: null, branch: null });
        }}
        data-testid="court-province"
      />
      <Select
        label={t('filings.court.city')}
        description={t('filings.help.city')}
        value={cityId ? String(cityId) : null}
        disabled={!provinceId}
        data={cities.map((c) => ({ value: String(c.id), label: c.name[lang] }))}
        onChange={(v) => {
          setCityId(v ? Number(v) : null);
          onChange({ courtId: null, branch: null });
        }}
        data-testid="court-city"
      />
      <Select
        label={t('filings.court.court')}
        description={t('filings.help.court')}
        value={courtId ? String(courtId) : null}
        disabled={!cityId}
        error={errors.courtId}
        data={courts.filter((c) => c.city.id === cityId).map((c) => ({ value: String(c.id), label: c.name[lang] }))}
        onChange={(v) => onChange({ courtId: v ? Number(v) : null, branch: null })}
        data-testid="court-court"
      />
      <Select
        label={t('filings.court.branch')}
        description={t('filings.help.branch')}
        value={branch ? String(branch) : null}
        disabled={!chosen}
        clearable
        error={errors.branch}
        placeholder={t('filings.court.branchUnknown')}
        data={Array.from({ length: chosen?.branches ?? 0 }, (_, i) => ({
          value: String(i + 1),
          label: t('filings.court.branchN', { n: digits(i + 1) }),
        }))}
        onChange={(v) => onChange({ courtId, branch: v ? Number(v) : null })}
        data-testid="court-branch"
      />
    </Group>
  );
}
