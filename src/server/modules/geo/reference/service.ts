/** Use cases of the reference geography. Provinces, counties and cities are public: reading them needs no actor. */
import type { Executor } from '#server/db/transaction';
import * as store from './store';

export function listProvinces(db: Executor) {
  return store.listProvinces(db);
}

export function provinceExists(db: Executor, provinceId: number): Promise<boolean> {
  return store.provinceExists(db, provinceId);
}

export function listCities(db: Executor, provinceId: number) {
  return store.listCities(db, provinceId);
}

export function listCounties(db: Executor, provinceId: number) {
  return store.listCounties(db, provinceId);
}
