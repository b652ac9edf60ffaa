/** Tariff schedules as versioned data: drafts, indexation, approval by the regulator, history. */
import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

export function scheduleRoutes(_app: Api, _ctx: AppContext) {
}
