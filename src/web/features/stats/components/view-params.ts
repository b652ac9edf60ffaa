/**
 * The dashboard's view as the page's address keeps it: the place (an office, else a county, else a
 * province, else the caller's own) and the filters, so a shared link opens the same view and the
 * browser's back button goes back up. Pure.
 */
const PLACE_KEYS = ['provinceId', 'countyId', 'officeId'] as const;
export const FILTER_KEYS = ['fromMonth', 'toMonth', 'service', 'channel'] as const;

export type PlaceLevel = 'nation' | 'province' | 'county' | 'office';
const PLACE_KEY: Record<Exclude<PlaceLevel, 'nation'>, (typeof PLACE_KEYS)[number]> = {
  province: 'provinceId',
  county: 'countyId',
  office: 'officeId',
};

export interface View {
  provinceId?: number;
  countyId?: number;
  officeId?: number;
  fromMonth?: string;
  toMonth?: string;
  service?: string;
  channel?: 'office' | 'online';
}

const positive = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

export function viewOf(params: URLSearchParams): View {
  const channel = params.get('channel');
  return {
    provinceId: positive(params.get('provinceId')),
    countyId: positive(params.get('countyId')),
    officeId: positive(params.get('officeId')),
    fromMonth: params.get('fromMonth') ?? undefined,
    toMonth: params.get('toMonth') ?? undefined,
    service: params.get('service') ?? undefined,
    channel: channel === 'office' || channel === 'online' ? channel : undefined,
  };
}

/** The address's query for a place (its one id) keeping the filters; the nation has no id. */
export function placeSearch(params: URLSearchParams, level: PlaceLevel, id: number | null): string {
  const next = new URLSearchParams();
  if (level !== 'nation' && id != null) next.set(PLACE_KEY[level], String(id));
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  return `?${next.toString()}`;
}

/** The same place with one filter set (or cleared). */
export function withFilter(params: URLSearchParams, key: (typeof FILTER_KEYS)[number], value: string | null) {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}
