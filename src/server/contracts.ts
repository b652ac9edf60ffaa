/**
 * Every area whose endpoints are defined as contracts (platform/http/contract.ts). The web reads
 * their types (web/app/api-client.ts) and the table `npm run contracts` writes from them
 * (web/app/endpoints.gen.ts); the authorization matrix names its rows after them.
 */
import { arbitrationContract } from './modules/arbitration/contract';
import { catalogContract } from './modules/catalog/contract';
import { consultationContract } from './modules/consultation/contract';
import { counterContract } from './modules/counter/contract';
import { courtContract } from './modules/court/contract';
import { eaccountsContract } from './modules/eaccounts/contract';
import { filingsContract } from './modules/filings/contract';
import { geoContract } from './modules/geo/contract';
import { hearingsContract } from './modules/hearings/contract';
import { identityContract } from './modules/identity/contract';
import { networkContract } from './modules/network/contract';
import { noticesContract } from './modules/notices/contract';
import { officesContract } from './modules/offices/contract';
import { operatorsContract } from './modules/operators/contract';
import { paymentsContract } from './modules/payments/contract';
import { platformContract } from './modules/platform/contract';
import { proposalsContract } from './modules/proposals/contract';
import { qualityContract } from './modules/quality/contract';
import { statsContract } from './modules/stats/contract';
import { tariffsContract } from './modules/tariffs/contract';

/** In the areas' declared order (areas.ts). */
export const CONTRACTS = {
  catalog: catalogContract,
  geo: geoContract,
  offices: officesContract,
  identity: identityContract,
  operators: operatorsContract,
  tariffs: tariffsContract,
  payments: paymentsContract,
  filings: filingsContract,
  notices: noticesContract,
  court: courtContract,
  counter: counterContract,
  eaccounts: eaccountsContract,
  arbitration: arbitrationContract,
  consultation: consultationContract,
  hearings: hearingsContract,
  quality: qualityContract,
  network: networkContract,
  proposals: proposalsContract,
  stats: statsContract,
  platform: platformContract,
} as const;

export type Contracts = typeof CONTRACTS;

/** `area.name` of every operation on contracts. */
export type OperationId = {
  [A in keyof Contracts]: `${A}.${keyof Contracts[A]['endpoints'] & string}`;
}[keyof Contracts];
