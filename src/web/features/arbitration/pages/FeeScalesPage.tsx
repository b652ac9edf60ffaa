/**
 * /arbitrations/fee-scales — the official scales of arbitrators' fees (Civil Procedure Code
 * Art. 498, آیین‌نامهٔ حق‌الزحمهٔ داوری): every scale with its first day in force in Jalali and
 * whether it is in force, still to come, past or withdrawn (greyed, with the reason); a preview of
 * the fee a claim gets by a chosen scale (never a withdrawn one); and, for the regulator, the form
 * that enters a new one and the withdrawal of one still to come. Those who oversee fees read it.
 */
import '../i18n/index.ts';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleStanding } from '#core/arbitration/fees';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type FeeScale, useFeeScales } from '../api/arbitrations';
import { FeeScaleForm } from '../components/FeeScaleForm';
import { FeeScalePreview } from '../components/FeeScalePreview';
import { FeeScaleWithdrawModal } from '../components/FeeScaleWithdrawModal';
import { StandingBadge } from '../components/fee-scale-ui';

export function FeeScalesPage() {
  const { t } = useTranslation();
  const { count } = useDigits();
  const { lang } = useLang();
  const { hasRole } = useAuth();
  const mayEnter = hasRole(...PERMISSIONS['arbitration.fee-scales.manage']);
  const scales = useFeeScales();
  const [formOpen, setFormOpen] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<FeeScale | null>(null);
  const items = scales.data?.items;
  // A withdrawn scale never prices anything: the preview and the new form's starting point leave it out.
  const priced = items?.filter((s) => !s.withdrawal);
  const inForce = items?.find((s) => s.inForce);
  const standingOf = (s: FeeScale) =>
    scaleStanding(s.validFrom.iso, inForce?.validFrom.iso ?? null, s.withdrawal !== null);
  const selectedId = priced?.some((s) => s.id === picked) ? picked : (inForce?.id ?? priced?.[0]?.id ?? null);

  const columns: DataColumn<FeeScale>[] = [
    {
      key: 'validFrom',
      header: t('arbitration.feeScales.validFrom'),
      cell: (s) => <JalaliDate value={s.validFrom.iso} />,
      sortValue: (s) => s.validFrom.iso,
      rowHeader: true,
    },
    {
      key: 'standing',
      header: t('arbitration.feeScales.standingHeader'),
      cell: (s) => <StandingBadge standing={standingOf(s)} />,
    },
    {
      key: 'source',
      header: t('arbitration.feeScales.source'),
      cell: (s) =>
        s.withdrawal ? (
          <>
            {s.source}
            <Text size="sm" c="gray.8" data-testid="fee-scale-withdrawal">
              {t('arbitration.feeScales.withdrawnOn')} <JalaliDate value={s.withdrawal.at} />
              {lang === 'fa' ? '، ' : ', '}
              {t('arbitration.feeScales.withdrawnBecause')} {s.withdrawal.reason}
            </Text>
          </>
        ) : (
          s.source
        ),
      sortValue: (s) => s.source,
    },
    {
      key: 'bands',
      header: t('arbitration.feeScales.bands'),
      cell: (s) => count(s.bands.length),
      sortValue: (s) => s.bands.length,
      numeric: true,
    },
    {
      key: 'cap',
      header: t('arbitration.feeScales.cap'),
      cell: (s) => (s.capRials === null ? t('arbitration.feeScales.noCap') : <Money rials={s.capRials} />),
      sortValue: (s) => s.capRials,
      numeric: true,
    },
    {
      key: 'show',
      header: t('arbitration.feeScales.showHeader'),
      cell: (s) =>
        s.withdrawal ? (
          '—'
        ) : (
          <Button
            size="compact-sm"
            variant={s.id === selectedId ? 'filled' : 'light'}
            onClick={() => setPicked(s.id)}
            aria-pressed={s.id === selectedId}
            data-testid="fee-scale-show"
          >
            {t('arbitration.feeScales.show')}
          </Button>
        ),
    },
    ...(mayEnter
      ? [
          {
            key: 'withdraw',
            header: t('arbitration.feeScales.withdrawHeader'),
            // Only a scale still to come may be withdrawn; one in force is superseded by a newer one.
            cell: (s: FeeScale) =>
              standingOf(s) === 'upcoming' ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  onClick={() => setWithdrawing(s)}
                  data-testid="fee-scale-withdraw"
                >
                  {t('arbitration.feeScales.withdraw')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageTitle
        title={t('arbitration.feeScales.title')}
        subtitle={mayEnter ? t('arbitration.feeScales.subtitle') : t('arbitration.feeScales.readOnly')}
        actions={
          mayEnter && !formOpen ? (
            <Button onClick={() => setFormOpen(true)} data-testid="fee-scale-new">
              {t('arbitration.feeScales.new')}
            </Button>
          ) : null
        }
      />
      {formOpen ? (
        <FeeScaleForm
          basis={inForce ?? priced?.[0]}
          onDone={(saved) => {
            setFormOpen(false);
            setPicked(saved.id);
          }}
        />
      ) : null}
      <DataTable
        testId="fee-scales"
        label={t('arbitration.feeScales.list')}
        columns={columns}
        rowKey={(s) => s.id}
        rows={items}
        isPending={scales.isPending}
        error={scales.error}
        pageSize="all"
        minWidth={640}
        empty={t('arbitration.feeScales.empty')}
        rowProps={(s) => ({
          'data-testid': 'fee-scale-row',
          'data-valid-from': s.validFrom.iso,
          'data-withdrawn': s.withdrawal ? 'true' : undefined,
          style: s.withdrawal
            ? { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-7)' }
            : undefined,
        })}
      />
      {priced?.length && selectedId !== null ? (
        <FeeScalePreview scales={priced} selectedId={selectedId} onSelect={setPicked} />
      ) : null}
      {mayEnter ? <FeeScaleWithdrawModal scale={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Stack>
  );
}
