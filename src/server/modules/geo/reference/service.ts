/** Use cases of the reference geography. Provinces, counties and cities are public: reading them needs no actor. */
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/platform/errors/app-error';
import * as store from './store';

export function listProvinces(db: Executor) {
  return store.listProvinces(db);
}

export function listCities(db: Executor, provinceId: number) {
  return store.listCities(db, provinceId);
}

/** The counties of a province; an unknown province is not found. */
export async function listCounties(db: Executor, provinceId: number) {
  if (!(await store.provinceExists(db, provinceId))) throw new AppError('not_found');
  return store.listCounties(db, provinceId);
}
