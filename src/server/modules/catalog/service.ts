/** Use cases of the catalog area. The catalog is public: reading it needs no actor. */
import type { Executor } from '#server/db/transaction';
import * as store from './store';

/** Every service with its channel policy. */
export function listServices(db: Executor) {
  return store.listServices(db);
}
