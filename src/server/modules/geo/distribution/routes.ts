import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

/** The network map's figures: per province and county (offices per 100,000 people, demand per office, people far from an office, saturation) and per office (demand, revenue, break-even, viability). */
export function distributionRoutes(_app: Api, _ctx: AppContext) {
}
