/**
 * The citizen the counter is serving, carried from the counter's lookup to its other pages (the
 * notices read at the office) for this browser tab only; and the notice consent given for them,
 * kept so that a return from the bank finds the notices again. Nothing here is shown: the page
 * shows the citizen's name and masked mobile, never ids.
 */
import type { NoticeGrant } from './api/office-notices';

const CITIZEN_KEY = 'daftar.counter.citizen';
const GRANT_KEY = 'daftar.counter.noticeGrant';

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown) {
  try {
    if (value == null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode): the operator types the national ID again.
  }
}

export const servingNationalId = () => read<{ nationalId: string }>(CITIZEN_KEY)?.nationalId ?? null;
export const setServingNationalId = (nationalId: string | null) =>
  write(CITIZEN_KEY, nationalId ? { nationalId } : null);

export interface StoredGrant extends NoticeGrant {
  nationalId: string;
  expiresAt: string;
}
/** The notice consent for this national ID, while it lasts (`now` from the page's clock). */
export function storedGrant(nationalId: string, now: number): StoredGrant | null {
  const g = read<StoredGrant>(GRANT_KEY);
  return g && g.nationalId === nationalId && Date.parse(g.expiresAt) > now ? g : null;
}
export const storeGrant = (grant: StoredGrant | null) => write(GRANT_KEY, grant);
