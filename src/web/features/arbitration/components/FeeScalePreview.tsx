/**
 * The preview of a scale: its bands, its cap and its range for a claim that is not monetary, and
 * the fee it gives a claim value the reader types (Persian, Arabic-Indic or Latin digits), worked
 * band by band with the same function the server fixes a case's fee with.
 */
import { Alert, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { scaleFeeWorking } from '#core/arbitration/fees';
import { Money } from '#web/ui/Money.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { FeeScale } from '../api/arbitrations';
import { Rate } from './fee-scale-ui';

export function FeeScalePreview({
  scales,
  selectedId,
  onSelect,
}: {
  scales: FeeScale[];
  selectedId: number;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const [claim, setClaim] = useState<number | string>('');
  const scale = scales.find((s) => s.id === selectedId) ?? scales[0];
  const working = typeof claim === 'number' && claim > 0 ? scaleFeeWorking(scale, claim) : null;

  return (
    <Card withBorder data-testid="fee-scale-preview">
      <Stack>
        <Title order={2} size="h4">
          {t('arbitration.feeScales.preview')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('arbitration.feeScales.previewScale')}
            value={String(scale.id)}
            onChange={(v) => v && onSelect(Number(v))}
            allowDeselect={false}
            miw={220}
            data-testid="fee-preview-scale"
            data={scales.map((s) => ({
              value: String(s.id),
              label: t('arbitration.feeScales.scaleFrom', { date: digits(s.validFrom.jalali.replace(/-/g, '/')) }),
            }))}
          />
          <NumberInput
            label={t('arbitration.feeScales.claim')}
            value={claim}
            onChange={setClaim}
            min={0}
            allowDecimal={false}
            thousandSeparator
            miw={220}
            data-testid="fee-preview-claim"
          />
        </Group>

        <Text size="sm" c="dimmed">
          {t('arbitration.feeScales.inForceFrom')} <JalaliDate value={scale.validFrom.iso} /> — {scale.source}
        </Text>
        <Table withTableBorder aria-label={t('arbitration.feeScales.bands')} data-testid="fee-scale-bands">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('arbitration.feeScales.band')}</Table.Th>
              <Table.Th scope="col">{t('arbitration.feeScales.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scale.bands.map((b, i) => {
              const from = i === 0 ? 0 : (scale.bands[i - 1].upToRials ?? 0);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a scale's bands are fixed and in order
                <Table.Tr key={i}>
                  <Table.Th scope="row" fw={400}>
                    {b.upToRials === null ? (
                      <>
                        {t('arbitration.feeScales.above')} <Money rials={from} />
                      </>
                    ) : (
                      <>
                        <Money rials={from} /> {t('arbitration.feeScales.to')} <Money rials={b.upToRials} />
                      </>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Rate basisPoints={b.basisPoints} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          {t('arbitration.feeScales.cap')}:{' '}
          {scale.capRials === null ? t('arbitration.feeScales.noCap') : <Money rials={scale.capRials} />}
        </Text>
        <Text size="sm">
          {t('arbitration.feeScales.nonMonetary')}: <Money rials={scale.nonMonetaryMinRials} />{' '}
          {t('arbitration.feeScales.to')} <Money rials={scale.nonMonetaryMaxRials} />
        </Text>

        {working ? (
          <Alert color="teal" variant="light" data-testid="fee-preview-result">
            <Stack gap={4}>
              {working.parts.map((p) => (
                <Text size="sm" key={p.fromRials} data-testid="fee-preview-part">
                  <Rate basisPoints={p.basisPoints} /> {t('arbitration.feeScales.of')}{' '}
                  <Money rials={p.toRials - p.fromRials} />
                  {' = '}
                  <Money rials={p.feeRials} />
                </Text>
              ))}
              {working.capped ? (
                <Text size="sm">
                  {t('arbitration.feeScales.cappedNote')} <Money rials={working.uncappedRials} />
                </Text>
              ) : null}
              <Text fw={700}>
                {t('arbitration.feeScales.total')}:{' '}
                <span data-testid="fee-preview-total">
                  <Money rials={working.totalRials} />
                </span>
              </Text>
              <Text size="sm" c="dimmed">
                {t('arbitration.feeScales.shareNote')}
              </Text>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
