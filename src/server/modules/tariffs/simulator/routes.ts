/** The revision simulator, its saved runs and exports, and the office cost model behind break-even. */
import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

export function simulatorRoutes(_app: Api, _ctx: AppContext) {
}
