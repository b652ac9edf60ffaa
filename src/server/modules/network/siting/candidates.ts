/**
 * Candidate locations for new offices: a province's cities, and the sites its association (or
 * national oversight) adds — a new town, a growing district. Adding and removing are audited;
 * a removed site is only marked, so saved runs that chose it still name it.
 */
import type { z } from 'zod';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import { isInIran, provinceAt } from '#server/modules/geo/reference/locate';
import { hasOfficeNear } from './instance';
import type { Candidate, candidateSiteBody } from './schemas';
import {
  activeOfficeLocations,
  activeSites,
  insertSite,
  locatedCities,
  markSiteRemoved,
  provinceNames,
  siteById,
  type SiteRow,
} from './store';

const siteView = (s: SiteRow): Candidate => ({
  id: `site:${s.id}`,
  kind: 'site',
  cityId: null,
  siteId: s.id,
  provinceId: s.provinceId,
  name: { fa: s.name, en: s.name },
  lat: s.lat,
  lon: s.lon,
  population: null,
  note: s.note,
  hasOffice: false,
});

/** The province's cities (largest first) and then the sites added there. */
export async function listCandidates(ctx: AppContext, actor: Actor, provinceId: number): Promise<Candidate[]> {
  authorize(actor, 'geo.sites.manage', { provinceId });
  if ((await provinceNames(ctx.db, [provinceId])).size === 0) throw invalidField('provinceId', 'invalid_value');
  const [cities, offices, sites] = await Promise.all([
    locatedCities(ctx.db, [provinceId]),
    activeOfficeLocations(ctx.db, [provinceId]),
    activeSites(ctx.db, [provinceId]),
  ]);
  return [
    ...cities.map(
      (c): Candidate => ({
        id: `city:${c.id}`,
        kind: 'city',
        cityId: c.id,
        siteId: null,
        provinceId: c.provinceId,
        name: { fa: c.nameFa, en: c.nameEn },
        lat: c.lat,
        lon: c.lon,
        population: c.population,
        note: '',
        hasOffice: hasOfficeNear(c, offices),
      }),
    ),
    ...sites.map(siteView),
  ];
}

export async function addCandidateSite(
  ctx: AppContext,
  actor: Actor,
  body: z.output<typeof candidateSiteBody>,
): Promise<Candidate> {
  authorize(actor, 'geo.sites.manage', { provinceId: body.provinceId });
  if ((await provinceNames(ctx.db, [body.provinceId])).size === 0) throw invalidField('provinceId', 'invalid_value');
  // Both coordinates carry the error: the form shows it beside whichever the person edits.
  const pointError = (code: 'point_outside_iran' | 'point_outside_province') =>
    new AppError('validation_failed', { fields: [fieldError('lat', code), fieldError('lon', code)] });
  if (!isInIran(body.lat, body.lon)) throw pointError('point_outside_iran');
  if (provinceAt(body.lat, body.lon) !== body.provinceId) throw pointError('point_outside_province');
  const site = await ctx.db.transaction(async (tx) => {
    const row = await insertSite(tx, {
      provinceId: body.provinceId,
      name: body.name,
      lat: body.lat,
      lon: body.lon,
      note: body.note,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'geo.sites.add',
      entityType: 'candidate_site',
      entityId: row.id,
      provinceId: row.provinceId,
      data: { name: row.name, lat: row.lat, lon: row.lon, note: row.note },
    });
    return row;
  });
  return siteView(site);
}

export async function removeCandidateSite(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const site = await siteById(ctx.db, id);
  if (!site || site.removedAt) throw new AppError('not_found');
  authorize(actor, 'geo.sites.manage', { provinceId: site.provinceId });
  await ctx.db.transaction(async (tx) => {
    if (!(await markSiteRemoved(tx, id, ctx.clock.now()))) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      action: 'geo.sites.remove',
      entityType: 'candidate_site',
      entityId: id,
      provinceId: site.provinceId,
      data: { name: site.name },
    });
  });
}
