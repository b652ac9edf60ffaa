import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { catalogContract } from './contract';
import { listServices } from './service';

export function catalogRoutes(app: Api, ctx: AppContext) {
  implement(app, catalogContract, {
    services: async () => ({ items: await listServices(ctx.db) }),
  });
}
