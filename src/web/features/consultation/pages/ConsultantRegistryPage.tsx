import '../i18n/index.ts';
import { Alert, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '#web/ui/DataTable.tsx';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  feeRangesQueryOptions,
  registryQueryOptions,
  useSetFeeRange,
  type FeeRange,
  type RegistryEntry,
} from '../api/registry';
import { ConsultantEditor } from '../components/ConsultantEditor.tsx';
import { consultantFieldAndFeeColumns } from '../components/consultant-columns.tsx';

function RangeEditor({ range }: { range: FeeRange }) {
  const { t } = useTranslation();
  const [min, setMin] = useState<number | string>(range.minRials);
  const [max, setMax] = useState<number | string>(range.maxRials);
  const { lang } = useDigits();
  const save = useSetFeeRange();
  const errors = fieldErrorsOf(save.error, lang);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <NumberInput
          aria-label={t('consultation.registry.min')}
          value={min}
          onChange={setMin}
          min={0}
          allowDecimal={false}
          thousandSeparator
          error={errors.minRials}
          w={150}
        />
        <NumberInput
          aria-label={t('consultation.registry.max')}
          value={max}
          onChange={setMax}
          min={0}
          allowDecimal={false}
          thousandSeparator
          error={errors.maxRials}
          w={150}
        />
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() =>
            save.mutate({ id: range.provinceId, minRials: enteredNumber(min), maxRials: enteredNumber(max) })
          }
        >
          {t('consultation.registry.saveRange')}
        </Button>
      </Group>
      <ProblemAlert error={save.error} shownFields={['minRials', 'maxRials']} />
    </Stack>
  );
}

/** /consultation/registry — the consultants of the caller's scope with their licences, and each province's fee range. */
export function ConsultantRegistryPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const registry = useQuery(registryQueryOptions());
  const ranges = useQuery(feeRangesQueryOptions());
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const entry = typeof editing === 'number' ? (registry.data?.items.find((c) => c.id === editing) ?? null) : null;
  return (
    <Stack>
      <PageTitle
        title={t('consultation.registry.title')}
        actions={
          <Button
            onClick={() => {
              setEditing('new');
              setSaved(false);
            }}
            data-testid="consultant-new"
          >
            {t('consultation.editor.new')}
          </Button>
        }
      />
      {saved ? (
        <Alert
          color="green"
          variant="light"
          data-testid="consultant-saved"
          withCloseButton
          onClose={() => setSaved(false)}
        >
          {t('consultation.editor.saved')}
        </Alert>
      ) : null}
      {editing !== null && (editing === 'new' || entry) ? (
        <ConsultantEditor
          key={editing}
          entry={entry}
          ranges={ranges.data?.items ?? []}
          onDone={() => {
            setEditing(null);
            setSaved(true);
          }}
        />
      ) : null}
      <DataTable<RegistryEntry>
        testId="consultation-registry"
        label={t('consultation.registry.title')}
        rows={registry.data?.items}
        isPending={registry.isPending}
        error={registry.error}
        rowKey={(c) => c.id}
        onRowClick={(c) => {
          setEditing(c.id);
          setSaved(false);
        }}
        isSelected={(c) => c.id === editing}
        columns={[
          {
            key: 'name',
            header: t('consultation.registry.name'),
            rowHeader: true,
            cell: (c) => c.name,
            sortValue: (c) => c.lastName,
          },
          { key: 'kind', header: t('consultation.registry.kind'), cell: (c) => t(`consultation.kinds.${c.kind}`) },
          {
            key: 'licence',
            header: t('consultation.registry.licence'),
            cell: (c) => <bdi dir="ltr">{digits(c.licenceNumber)}</bdi>,
          },
          {
            key: 'expires',
            header: t('consultation.registry.expires'),
            cell: (c) => digits(c.licenceExpiresOn.replaceAll('-', '/')),
            sortValue: (c) => c.licenceExpiresOnIso,
          },
          {
            key: 'bookable',
            header: t('consultation.registry.bookable'),
            cell: (c) => (
              <Badge color={c.bookable ? 'green' : 'red'} variant="light">
                {c.bookable ? t('consultation.registry.yes') : t('consultation.registry.no')}
              </Badge>
            ),
          },
          ...consultantFieldAndFeeColumns(t),
          {
            key: 'places',
            header: t('consultation.registry.places'),
            cell: (c) =>
              c.sittings.map((s) => (s.office ? text(s.office.name) : t('consultation.registry.video'))).join('، '),
          },
        ]}
      />
      <Title order={2} size="h4">
        {t('consultation.registry.feeRanges')}
      </Title>
      <DataTable<FeeRange>
        testId="consultation-fee-ranges"
        label={t('consultation.registry.feeRanges')}
        rows={ranges.data?.items}
        isPending={ranges.isPending}
        error={ranges.error}
        rowKey={(r) => r.provinceId}
        columns={[
          {
            key: 'province',
            header: t('consultation.registry.province'),
            rowHeader: true,
            cell: (r) => text(r.province),
          },
          {
            key: 'range',
            header: `${t('consultation.registry.min')} – ${t('consultation.registry.max')}`,
            cell: (r) => <RangeEditor range={r} />,
          },
        ]}
      />
    </Stack>
  );
}
