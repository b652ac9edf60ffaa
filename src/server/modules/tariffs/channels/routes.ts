/** Channel policy of catalog services and channel share over time. */
import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

export function channelRoutes(_app: Api, _ctx: AppContext) {
}
