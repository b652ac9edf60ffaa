/** Valid request bodies for tests: every identifier passes its check digit. */
import { makeNationalId } from '#core/identifiers';

let serial = 0;

/** A fresh, valid national ID. */
export function nationalId(): string {
  serial += 1;
  return makeNationalId(String(100_000_000 + ((process.pid * 7919 + serial * 104_729) % 800_000_000)).slice(0, 9));
}

/** A fresh mobile number, 0912 followed by seven digits. */
export function mobile(): string {
  serial += 1;
  return `0912${String((process.pid * 31 + serial * 7_777) % 10_000_000).padStart(7, '0')}`;
}

export const STRONG_PASSWORD = 'Strong-pass-1403';

/** A body for POST /api/v1/users; override the role and scope as needed. */
export function staffBody(username: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username,
    password: STRONG_PASSWORD,
    firstName: 'آزمون',
    lastName: 'کاربر',
    nationalId: nationalId(),
    mobile: mobile(),
    role: 'operator',
    officeId: 1,
    ...overrides,
  };
}

/** A body for POST /api/v1/filings: a legal notice a citizen files online for themself against a named addressee. */
export function onlineLegalNoticeBody(notifierNationalId: string) {
  return {
    service: 'legal-notice',
    subject: 'اخطار تخلیه',
    facts: 'مهلت اجاره پایان یافته است.',
    parties: [
      { kind: 'citizen', role: 'notifier', nationalId: notifierNationalId },
      { kind: 'named', role: 'addressee', name: 'مستأجر', address: 'تهران' },
    ],
  };
}
