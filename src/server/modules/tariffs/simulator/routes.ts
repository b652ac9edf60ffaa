/** The revision simulator, its saved runs and exports, and the office cost model behind break-even. */
import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';
import { simulatorExportRoutes } from './export-routes';

export function simulatorRoutes(_app: Api, _ctx: AppContext) {
  simulatorExportRoutes(_app, _ctx);
}
