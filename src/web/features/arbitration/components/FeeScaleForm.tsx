/**
 * The regulator's form for a new official scale: its first day in force (tomorrow or later), the
 * regulation it carries, the claim's bands (each up to an amount in Rials at a percentage, the
 * last one open-ended), the cap, and the range per arbitrator for a claim that is not monetary.
 * It starts from the scale in force, since a new regulation most often revises the old amounts.
 * The server checks the scale; its refusals are shown next to the field they name.
 */
import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { basisPointsOfPercent } from '#core/arbitration/fees';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type FeeScale, type FeeScaleInput, useAddFeeScale } from '../api/arbitrations';

type Typed = number | string;
interface BandRow {
  upTo: Typed;
  percent: Typed;
}

function bandsOf(scale: FeeScale | undefined): BandRow[] {
  if (!scale) return [{ upTo: '', percent: '' }];
  return scale.bands.map((b) => ({ upTo: b.upToRials ?? '', percent: b.basisPoints / 100 }));
}

export function FeeScaleForm({ basis, onDone }: { basis: FeeScale | undefined; onDone: (saved: FeeScale) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { count } = useDigits();
  const add = useAddFeeScale();
  const errors = fieldErrorsOf(add.error, lang);
  const [validFrom, setValidFrom] = useState('');
  const [source, setSource] = useState('');
  const [bands, setBands] = useState<BandRow[]>(() => bandsOf(basis));
  const [cap, setCap] = useState<Typed>(basis?.capRials ?? '');
  const [minRials, setMinRials] = useState<Typed>(basis?.nonMonetaryMinRials ?? '');
  const [maxRials, setMaxRials] = useState<Typed>(basis?.nonMonetaryMaxRials ?? '');

  const setBand = (i: number, key: keyof BandRow) => (v: Typed) =>
    setBands((all) => all.map((b, j) => (j === i ? { ...b, [key]: v } : b)));
  // A new band goes before the open-ended last one, which stays last.
  const addBand = () => setBands((all) => [...all.slice(0, -1), { upTo: '', percent: '' }, all[all.length - 1]]);
  const removeBand = (i: number) => setBands((all) => all.filter((_, j) => j !== i));

  // A blank or unfinished field goes absent: the server names it as required next to the field,
  // rather than the form guessing a value the regulator did not type. The last band is the
  // open-ended one (null), and a blank cap means no cap.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: FeeScaleInput = {
      validFrom,
      source,
      bands: bands.map((b, i) => {
        const percent = enteredNumber(b.percent);
        return {
          upToRials: i === bands.length - 1 ? null : enteredNumber(b.upTo),
          basisPoints: percent === undefined ? undefined : basisPointsOfPercent(percent),
        };
      }),
      capRials: enteredNumber(cap) ?? null,
      nonMonetaryMinRials: enteredNumber(minRials),
      nonMonetaryMaxRials: enteredNumber(maxRials),
    };
    add.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t('arbitration.feeScales.saved'),
          closeButtonProps: { 'aria-label': t('common.close') },
        });
        onDone(saved);
      },
    });
  };

  const shown = [
    'validFrom',
    'source',
    'bands',
    'capRials',
    'nonMonetaryMinRials',
    'nonMonetaryMaxRials',
    ...bands.flatMap((_, i) => [`bands.${i}.upToRials`, `bands.${i}.basisPoints`]),
  ];
  const percentSign = lang === 'fa' ? '٪' : '%';

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="fee-scale-form">
      <Stack>
        <Title order={2} size="h4">
          {t('arbitration.feeScales.new')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('arbitration.feeScales.newHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <JalaliDateInput
            label={t('arbitration.feeScales.validFrom')}
            value={validFrom}
            onChange={setValidFrom}
            serverError={errors.validFrom ?? null}
            required
            data-testid="fee-scale-valid-from"
          />
          <TextInput
            label={t('arbitration.feeScales.source')}
            description={t('arbitration.feeScales.sourceHint')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={errors.source}
            required
            data-testid="fee-scale-source"
          />
        </SimpleGrid>

        <Title order={3} size="h5">
          {t('arbitration.feeScales.bands')}
        </Title>
        {errors.bands ? (
          <Text c="red" size="sm" data-testid="fee-scale-bands-error">
            {errors.bands}
          </Text>
        ) : null}
        {bands.map((b, i) => {
          const last = i === bands.length - 1;
          const n = count(i + 1);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands are edited in place by their position, which the server's field names use too
            <Group key={i} align="flex-start" wrap="wrap" gap="sm" data-testid="fee-scale-band">
              {last ? (
                <Stack gap={2} miw={220} style={{ flex: '1 1 220px' }}>
                  <Text size="sm" fw={500}>
                    {t('arbitration.feeScales.bandUpTo', { n })}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="fee-scale-band-open">
                    {i === 0 ? (
                      t('arbitration.feeScales.wholeClaim')
                    ) : (
                      <>
                        {t('arbitration.feeScales.above')}{' '}
                        {typeof bands[i - 1].upTo === 'number' ? <Money rials={bands[i - 1].upTo as number} /> : '…'}
                      </>
                    )}
                  </Text>
                </Stack>
              ) : (
                <NumberInput
                  label={t('arbitration.feeScales.bandUpTo', { n })}
                  value={b.upTo}
                  onChange={setBand(i, 'upTo')}
                  min={1}
                  allowDecimal={false}
                  thousandSeparator
                  required
                  error={errors[`bands.${i}.upToRials`]}
                  style={{ flex: '1 1 220px' }}
                  data-testid={`fee-scale-band-${i}-up-to`}
                />
              )}
              <NumberInput
                label={t('arbitration.feeScales.bandRate', { n })}
                value={b.percent}
                onChange={setBand(i, 'percent')}
                min={0}
                max={100}
                decimalScale={2}
                suffix={percentSign}
                required
                error={errors[`bands.${i}.basisPoints`]}
                style={{ flex: '0 1 140px' }}
                data-testid={`fee-scale-band-${i}-rate`}
              />
              {!last ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  onClick={() => removeBand(i)}
                  aria-label={t('arbitration.feeScales.removeBand', { n })}
                  data-testid={`fee-scale-band-${i}-remove`}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={addBand}
            disabled={bands.length >= 10}
            data-testid="fee-scale-add-band"
          >
            {t('arbitration.feeScales.addBand')}
          </Button>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('arbitration.feeScales.capField')}
            description={t('arbitration.feeScales.capHint')}
            value={cap}
            onChange={setCap}
            min={1}
            allowDecimal={false}
            thousandSeparator
            error={errors.capRials}
            data-testid="fee-scale-cap"
          />
          <NumberInput
            label={t('arbitration.feeScales.nonMonetaryMin')}
            value={minRials}
            onChange={setMinRials}
            min={0}
            allowDecimal={false}
            thousandSeparator
            required
            error={errors.nonMonetaryMinRials}
            data-testid="fee-scale-non-monetary-min"
          />
          <NumberInput
            label={t('arbitration.feeScales.nonMonetaryMax')}
            value={maxRials}
            onChange={setMaxRials}
            min={0}
            allowDecimal={false}
            thousandSeparator
            required
            error={errors.nonMonetaryMaxRials}
            data-testid="fee-scale-non-monetary-max"
          />
        </SimpleGrid>

        <ProblemAlert error={add.error} shownFields={shown} data-testid="fee-scale-problem" />
        <Group>
          <Button type="submit" loading={add.isPending} data-testid="fee-scale-save">
            {t('arbitration.feeScales.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
