import type { TFunction } from 'i18next';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';

/** The columns every list of consultants shows alike: the fields they advise in and their fee per session. */
export function consultantFieldAndFeeColumns<Row extends { fields: readonly string[]; feeRials: number }>(
  t: TFunction,
): DataColumn<Row>[] {
  return [
    {
      key: 'fields',
      header: t('consultation.book.field'),
      cell: (c) => c.fields.map((f) => t(`consultation.fields.${f}`)).join('، '),
    },
    {
      key: 'fee',
      header: t('consultation.book.fee'),
      numeric: true,
      sortValue: (c) => c.feeRials,
      cell: (c) => <Money rials={c.feeRials} />,
    },
  ];
}
