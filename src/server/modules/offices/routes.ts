import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import type { Api } from '../../platform/http/api';
import { queryInt } from '../../platform/http/fields';
import { problems } from '../../platform/http/problem-schema';
import { officeListQuery, officePage, officeSchema } from './schemas';
import * as store from './store';

const tags = ['offices'];

/** The office directory is public: citizens look offices up before they visit. */
export function officeRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/offices', {
    schema: { tags, summary: 'Search the directory of offices (public)', querystring: officeListQuery, response: { 200: officePage, ...problems(400) } },
  }, async (req) => {
    const { rows, total } = await store.searchOffices(ctx.db, req.query);
    return { items: rows.map(store.toOffice), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/v1/offices/:id', {
    schema: { tags, summary: 'One office (public)', params: z.object({ id: queryInt(1, 2_147_483_647) }), response: { 200: officeSchema, ...problems(400, 404) } },
  }, async (req) => {
    const row = await store.findOffice(ctx.db, req.params.id);
    if (!row) throw new AppError('not_found');
    return store.toOffice(row);
  });
}
