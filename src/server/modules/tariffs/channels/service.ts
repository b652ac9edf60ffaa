/**
 * Channel balance: each catalog service's channel policy (office only, online only, or both) with
 * its fee in each channel from the schedule in force, the regulator's changes to it, and the
 * channel share of recorded services per month and province.
 */
import { provinceShares, sharePeriod, shareSeries } from '#core/channel-share';
import { channelFee, scheduleInForce } from '#core/fees';
import { jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import type { z } from 'zod';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import type {
  channelPolicyBody,
  channelPolicySchema,
  channelShareQuery,
  channelShareSchema,
} from '#server/modules/tariffs/schemas';
import { approvedSchedules } from '#server/modules/tariffs/store';
import * as store from './store';

type ChannelPolicyView = z.infer<typeof channelPolicySchema>;
type ServiceRow = Awaited<ReturnType<typeof store.activeServices>>[number];
type Line = { amountRials: number; onlineAmountRials?: number | null };

function toPolicy(s: ServiceRow, line: Line | undefined): ChannelPolicyView {
  return {
    code: s.code,
    titleFa: s.titleFa,
    titleEn: s.titleEn,
    kind: s.kind,
    channels: s.channels,
    // A fee is shown only for a channel the service is offered through.
    officeFeeRials: line && s.channels !== 'online' ? line.amountRials : null,
    onlineFeeRials: line && s.channels !== 'office' ? channelFee(line, 'online') : null,
  };
}

async function linesInForce(ctx: AppContext): Promise<Map<string, Line>> {
  const schedule = scheduleInForce(await approvedSchedules(ctx.db), tehranIsoDate(ctx.clock.now()));
  return new Map((schedule?.lines ?? []).map((l) => [l.code, l]));
}

/** Every active service with its policy and its fee per channel today (public information). */
export async function listChannelPolicies(ctx: AppContext): Promise<{ items: ChannelPolicyView[] }> {
  const [services, lines] = await Promise.all([store.activeServices(ctx.db), linesInForce(ctx)]);
  return { items: services.map((s) => toPolicy(s, lines.get(s.code))) };
}

/**
 * The regulator sets where a service may be had. Takes effect at once: every flow reads the
 * catalog row when it checks the channel (nothing caches it).
 */
export async function changeChannelPolicy(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: z.infer<typeof channelPolicyBody>,
): Promise<ChannelPolicyView> {
  authorize(actor, 'catalog.channel-policy.manage', {});
  const changed = await ctx.db.transaction(async (tx) => {
    const service = await store.serviceForUpdate(tx, code);
    if (!service?.active) throw new AppError('not_found');
    if (service.channels === input.channels) {
      throw new AppError('channel_policy_unchanged', { fields: [fieldError('channels', 'channel_policy_unchanged')] });
    }
    await store.setChannels(tx, code, input.channels);
    await recordAudit(tx, actor, {
      action: 'catalog.channel-policy.change',
      entityType: 'catalog_service',
      entityId: code,
      data: { old: service.channels, new: input.channels, reason: input.reason },
    });
    return { ...service, channels: input.channels };
  });
  return toPolicy(changed, (await linesInForce(ctx)).get(code));
}

/**
 * Office and online records per month and service, and per province, read from the monthly
 * rollup. National grants see every province; a province's association or inspector only theirs.
 */
export async function channelShare(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof channelShareQuery>,
): Promise<z.infer<typeof channelShareSchema>> {
  const scope = scopeFilter(actor, 'stats.channels');
  let provinceIds: number[] | null = scope.all ? null : [...new Set(scope.provinceIds)];
  if (query.provinceId != null) {
    authorize(actor, 'stats.channels', { provinceId: query.provinceId });
    provinceIds = [query.provinceId];
  }

  const period = sharePeriod(
    { fromMonth: query.fromMonth, toMonth: query.toMonth },
    jalaliMonthOfIso(tehranIsoDate(ctx.clock.now())),
  );
  if (!period.ok) throw invalidField(period.field, period.problem);
  const { months } = period;

  const active = await store.activeServices(ctx.db);
  let services = active;
  if (query.service) {
    services = active.filter((s) => s.code === query.service);
    if (services.length === 0) throw invalidField('service', 'unknown_service');
  }
  const names = await store.provinceNames(ctx.db, provinceIds);
  if (query.provinceId != null && names.length === 0) throw invalidField('provinceId', 'invalid_value');

  const filter: store.VolumeFilter = {
    fromIso: jalaliMonthStartIso(months[0]),
    toIso: jalaliMonthStartIso(months[months.length - 1]),
    provinceIds,
    service: query.service ?? null,
  };
  const [byMonth, byProvince] = await Promise.all([
    store.volumeByServiceMonth(ctx.db, filter),
    store.volumeByProvince(ctx.db, filter),
  ]);

  const series = shareSeries(
    months,
    services.map((s) => s.code),
    byMonth.map((r) => ({ ...r, month: jalaliMonthOfIso(r.month) })),
  );
  const titles = new Map(services.map((s) => [s.code, s]));
  const nameOf = new Map(names.map((p) => [p.id, { fa: p.nameFa, en: p.nameEn }]));
  return {
    months,
    series: series.map((s) => ({
      ...s,
      titleFa: titles.get(s.service)!.titleFa,
      titleEn: titles.get(s.service)!.titleEn,
    })),
    byProvince: provinceShares(
      names.map((p) => p.id),
      byProvince,
    ).map((p) => ({ ...p, name: nameOf.get(p.provinceId)! })),
  };
}
