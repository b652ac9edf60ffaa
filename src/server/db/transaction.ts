import type { Db } from './client';

/** A drizzle transaction handle; stores accept either this or the database itself. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
