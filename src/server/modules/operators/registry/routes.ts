import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';

export const tags = ['operators'];

export function registryRoutes(_app: Api, _ctx: AppContext) {
}
