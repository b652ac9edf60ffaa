import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '#server/contracts';
import { operationKey, operationsOf } from '#server/platform/http/contract';
import { ENDPOINTS_FILE, endpointsTable } from '#server/platform/http/endpoints-table';
import { ENDPOINTS } from './endpoints.gen';

describe("the web's table of operations", () => {
  it('is what `npm run contracts` writes from the contracts today (run it after changing a contract)', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../..', ENDPOINTS_FILE), 'utf8');
    expect(committed).toBe(endpointsTable(CONTRACTS));
  });

  it('names every operation once, by area and name, with a distinct method and path', () => {
    const ops = operationsOf(CONTRACTS);
    expect(Object.keys(ENDPOINTS).sort()).toEqual(ops.map((o) => o.id).sort());
    const keys = ops.map((o) => operationKey(o.endpoint));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
