/** Dashboard counts within the caller's scope: the nation, a province, an office or a court's province. */
import type { Actor } from '#server/platform/auth/actor';
import { scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import * as store from './store';

export async function overview(ctx: AppContext, actor: Actor) {
  const f = scopeFilter(actor, 'stats.overview');
  // A court's staff read their court's province; an office's staff their office.
  const provinceIds = [...f.provinceIds, ...(await store.provincesOfCourts(ctx.db, f.courtIds))];
  const scope: store.CountScope = { all: f.all, provinceIds, officeIds: f.officeIds };
  return {
    offices: await store.countOffices(ctx.db, scope),
    staff: await store.countStaff(ctx.db, scope),
    citizens: await store.countCitizens(ctx.db, scope),
    outboxPending: await store.countPendingMessages(ctx.db, scope),
    scopeLabel: f.all
      ? { fa: 'کل کشور', en: 'Nationwide' }
      : provinceIds.length
        ? { fa: 'استان', en: 'Province' }
        : { fa: 'دفتر', en: 'Office' },
  };
}
