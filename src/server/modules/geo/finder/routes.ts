import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

/** The citizens' office finder: the nearest offices offering a service, with their hours and distance (public). */
export function finderRoutes(_app: Api, _ctx: AppContext) {
}
