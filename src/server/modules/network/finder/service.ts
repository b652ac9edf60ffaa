/**
 * The citizens' office finder: from a service and a place, the nearest active offices that may
 * offer it today, with distance, hours and whether they are open now; or, for a service only
 * done online, where to do it online. Public: there is no actor to authorize.
 */
import { channelFee, quoteService, scheduleInForce } from '#core/fees';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import { openingStatus, roundKm, tehranClock } from '#core/office-finder';
import { sortedOpeningHours } from '#core/office-hours';
import { haversineKm } from '#core/siting/distance';
import type { Executor } from '#server/db/transaction';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type { AppContext } from '#server/platform/context';
import { findService } from '#server/modules/catalog/store';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { officeStars } from '#server/modules/quality/scores';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { isInIran } from '#server/modules/geo/reference/locate';
import type { FinderQuery, FinderResult } from './schemas';
import { cityPlace, nearestCompetentOffices, provincePlace } from './store';

/** Where a citizen does a service online: the citizen portal (sign-in first when signed out). */
const ONLINE_SERVICES_URL = '/me';

/** The next opening is looked for three weeks ahead; holidays in that span close offices. */
const HOLIDAY_SPAN_DAYS = 21;

type Origin = FinderResult['origin'];

/** The search's starting point: the given coordinates, else the city, else the province's capital. */
async function originOf(db: Executor, q: FinderQuery): Promise<Origin> {
  if (q.lat != null || q.lon != null) {
    if (q.lat == null) throw invalidField('lat', 'required');
    if (q.lon == null) throw invalidField('lon', 'required');
    const point = { lat: q.lat, lon: q.lon };
    // Iran's own shape, not its bounding box: Baghdad and Dubai are inside the box.
    if (!isInIran(point.lat, point.lon))
      throw new AppError('validation_failed', {
        fields: [fieldError('lat', 'point_outside_iran'), fieldError('lon', 'point_outside_iran')],
      });
    return { ...point, kind: 'point', name: null };
  }
  if (q.cityId != null) {
    const city = await cityPlace(db, q.cityId);
    if (!city) throw invalidField('cityId', 'invalid_value');
    if (q.provinceId != null && city.provinceId !== q.provinceId) throw invalidField('cityId', 'city_not_in_province');
    return { lat: city.lat, lon: city.lon, kind: 'city', name: city.name };
  }
  if (q.provinceId != null) {
    const province = await provincePlace(db, q.provinceId);
    if (!province) throw invalidField('provinceId', 'invalid_value');
    return { lat: province.lat, lon: province.lon, kind: 'province', name: province.name };
  }
  throw invalidField('location', 'location_required');
}

/** The base fee of the service in force today at an office and online; null when no schedule prices it. */
async function feeOf(db: Executor, serviceCode: string, channels: string, day: string): Promise<FinderResult['fee']> {
  const schedule = scheduleInForce(await approvedSchedules(db), day);
  const office = quoteService(schedule, { service: serviceCode, channel: 'office' });
  if (!office.ok) return null;
  const line = schedule!.lines.find((l) => l.code === serviceCode)!;
  return {
    officeRials: office.quote.totalRials,
    onlineRials: channels === 'office' ? null : channelFee(line, 'online'),
  };
}

export async function findNearestOffices(
  ctx: AppContext,
  q: FinderQuery,
  now = ctx.clock.now(),
): Promise<FinderResult> {
  const db = ctx.db;
  const day = tehranIsoDate(now);
  // The service and the starting place are checked first, so a bad search costs no office query;
  // both are checked before answering, so one answer names every field that is wrong.
  const [found, place] = await Promise.allSettled([findService(db, q.service), originOf(db, q)]);
  if (found.status === 'rejected') throw found.reason;
  const service = found.value?.active ? found.value : null;
  if (!service || place.status === 'rejected') {
    const placeProblem = place.status === 'rejected' ? place.reason : null;
    if (placeProblem && !(placeProblem instanceof AppError)) throw placeProblem;
    const fields = [...(service ? [] : [fieldError('service', 'unknown_service')]), ...(placeProblem?.fields ?? [])];
    throw new AppError(service ? 'validation_failed' : 'unknown_service', { fields });
  }
  const origin = place.value;

  const onlineOnly = service.channels === 'online';
  const [rows, fee, holidayRows] = await Promise.all([
    onlineOnly ? Promise.resolve([]) : nearestCompetentOffices(db, origin, service.code, day, q.limit),
    feeOf(db, service.code, service.channels, day),
    onlineOnly ? Promise.resolve(null) : loadHolidayCalendar(db, day, addDaysIso(day, HOLIDAY_SPAN_DAYS)),
  ]);
  // The law's holidays (lunar ones, confirmed or not) with the admins' changes: what deadlines count as closed.
  const holidays = new Set(holidayRows?.holidays().map((h) => h.day) ?? []);
  const clock = tehranClock(now);
  const quality = await officeStars(
    ctx,
    rows.map((r) => r.id),
  );

  const items = rows
    .map((r) => {
      const location = { lat: r.lat!, lon: r.lon! };
      const state = openingStatus(r.openingHours, now, holidays);
      return {
        id: r.id,
        code: r.code,
        name: { fa: r.nameFa, en: r.nameEn },
        province: { id: r.provinceId, name: { fa: r.provinceFa, en: r.provinceEn } },
        city: { id: r.cityId, name: { fa: r.cityFa, en: r.cityEn } },
        address: r.address,
        phone: r.phone,
        location,
        km: haversineKm(origin, location),
        openingHours: sortedOpeningHours(r.openingHours),
        openNow: state.openNow,
        closesAt: state.closesAt,
        nextOpening: state.nextOpening,
        quality: quality.get(r.id) ?? { month: '', stars: null, ratings: 0 },
      };
    })
    // PostgreSQL already ordered them; the exact distance decides again so the order and the figures shown agree.
    .sort((a, b) => a.km - b.km || a.code.localeCompare(b.code))
    .map(({ km, ...office }) => ({ ...office, distanceKm: roundKm(km) }));

  return {
    service: { code: service.code, title: { fa: service.titleFa, en: service.titleEn }, channels: service.channels },
    origin,
    onlineOnly,
    onlineUrl: service.channels === 'office' ? null : ONLINE_SERVICES_URL,
    fee,
    asOf: now.toISOString(),
    today: { isoDay: day, day: clock.day, holiday: holidays.has(day) },
    items,
  };
}
