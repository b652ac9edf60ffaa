/**
 * Every area whose endpoints are defined as contracts (platform/http/contract.ts). The web reads
 * their types (web/app/api-client.ts) and the table `npm run contracts` writes from them
 * (web/app/endpoints.gen.ts); the authorization matrix names its rows after them.
 */
import { catalogContract } from './modules/catalog/contract';
import { officesContract } from './modules/offices/contract';
import { tariffsContract } from './modules/tariffs/contract';

export const CONTRACTS = {
  catalog: catalogContract,
  tariffs: tariffsContract,
  offices: officesContract,
} as const;

export type Contracts = typeof CONTRACTS;
