import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

/** Siting new offices: candidate locations and the optimizer's proposals. */
export function sitingRoutes(_app: Api, _ctx: AppContext) {
}
