import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import type { LicenceStatus, StaffListItem } from '../api/staff';

const LICENCE_COLOURS: Record<LicenceStatus | 'none', string> = {
  active: 'teal',
  expiring: 'orange',
  expired: 'red',
  suspended: 'red',
  revoked: 'dark',
  none: 'gray',
};

/** A licence's standing today, with its expiry where it matters. */
export function LicenceBadge({ status, expiresOn }: { status: LicenceStatus | null; expiresOn?: string | null }) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return (
    <Badge color={LICENCE_COLOURS[key]} variant="light" data-testid="licence-badge" data-status={key}>
      {t(`staff.licenceStatus.${key}`)}
      {expiresOn && (key === 'expiring' || key === 'expired') ? (
        <>
          {' '}
          — <JalaliDate value={expiresOn} />
        </>
      ) : null}
    </Badge>
  );
}

export function InsuredBadge({ insured }: { insured: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={insured ? 'teal' : 'red'} variant="light" data-testid="insured-badge" data-insured={insured}>
      {t(insured ? 'staff.insuredBadge.yes' : 'staff.insuredBadge.no')}
    </Badge>
  );
}

export function ContractSummary({ contract }: { contract: StaffListItem['contract'] }) {
  const { t } = useTranslation();
  if (!contract)
    return (
      <Badge color="gray" variant="light">
        {t('staff.noContract')}
      </Badge>
    );
  return (
    <span>
      {t(`staff.contractTypes.${contract.type}`)} · {t(contract.fullTime ? 'staff.fullTime' : 'staff.partTime')}
      {contract.endsOn ? (
        <>
          {' '}
          ({t('staff.until', { date: '' })}
          <JalaliDate value={contract.endsOn} />)
        </>
      ) : null}
    </span>
  );
}

/** An office as people name it: its name, led by its code unless the name already carries it. */
export function officeLabel(
  office: { code: string; name: { fa: string; en: string } },
  text: (v: { fa: string; en: string }) => string,
  digits: (v: string) => string,
): string {
  const name = text(office.name);
  return name.includes(office.code) || name.includes(digits(office.code)) ? name : `${digits(office.code)} — ${name}`;
}
