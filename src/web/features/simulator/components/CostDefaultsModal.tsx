/** Edit a province's office cost defaults; the server's field errors are shown beside each field. */
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { monthlyCost, type OfficeCostDefaults } from '#core/office-costs';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSaveCostDefaults, type CostDefaults, type CostDefaultsInput } from '../api/simulator';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const FIELDS = ['operatorWageRials', 'insurancePercent', 'operatorsPerOffice', 'rentRials', 'otherRials'] as const;

export function CostDefaultsModal({ row, onClose }: { row: CostDefaults | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const save = useSaveCostDefaults();
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], number | string>>({
    operatorWageRials: 0,
    insurancePercent: 0,
    operatorsPerOffice: 0,
    rentRials: 0,
    otherRials: 0,
  });
  const errors = fieldErrorsOf(save.error, lang);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    if (row) setValues(Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as typeof values);
    save.reset();
  }, [row?.provinceId]);

  // A blank field is left out, so the server names it as required.
  const numbers = Object.fromEntries(FIELDS.map((f) => [f, enteredNumber(values[f])])) as CostDefaultsInput;
  const complete = (n: CostDefaultsInput): n is OfficeCostDefaults => FIELDS.every((f) => n[f] !== undefined);
  const preview = complete(numbers) ? monthlyCost(numbers) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!row) return;
    save.mutate({ provinceId: row.provinceId, ...numbers }, { onSuccess: onClose });
  };

  const field = (
    name: (typeof FIELDS)[number],
    extra: { suffix?: string; allowDecimal?: boolean; description?: string },
  ) => (
    <NumberInput
      label={t(`simulator.cost.${name}`)}
      description={extra.description}
      value={values[name]}
      onChange={(v) => setValues((all) => ({ ...all, [name]: v }))}
      thousandSeparator=","
      allowNegative={false}
      allowDecimal={extra.allowDecimal ?? false}
      suffix={extra.suffix}
      error={errors[name]}
      required
      data-testid={`cost-${name}`}
    />
  );

  return (
    <Modal
      opened={row != null}
      onClose={onClose}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('simulator.cost.cancel') }}
      title={
        <Title order={2} size="h4">
          {row ? t('simulator.cost.editTitle', { province: text(row.name) }) : ''}
        </Title>
      }
    >
      <form onSubmit={submit} noValidate data-testid="cost-form">
        <Stack>
          {field('operatorWageRials', {
            suffix: lang === 'fa' ? ' ریال' : ' IRR',
            description: t('simulator.cost.wageHint'),
          })}
          {field('insurancePercent', {
            suffix: lang === 'fa' ? '٪' : '%',
            allowDecimal: true,
            description: t('simulator.cost.insuranceHint'),
          })}
          {field('operatorsPerOffice', {})}
          {field('rentRials', { suffix: lang === 'fa' ? ' ریال' : ' IRR' })}
          {field('otherRials', {
            suffix: lang === 'fa' ? ' ریال' : ' IRR',
            description: t('simulator.cost.otherHint'),
          })}
          {preview != null ? (
            <Text size="sm" data-testid="cost-preview">
              {t('simulator.cost.preview')}: <Money rials={preview} />
            </Text>
          ) : null}
          <ProblemAlert error={save.error} shownFields={[...FIELDS]} data-testid="cost-problem" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('simulator.cost.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="cost-save">
              {t('simulator.cost.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
