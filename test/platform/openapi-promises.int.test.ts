/**
 * The OpenAPI document keeps its promises: every operation, parameter and field the document
 * described before the endpoints moved onto contracts (fixtures/openapi-before-contracts.txt) is
 * still described, with the same type and the same requiredness. New operations and fields are
 * welcome, and so is a new value of an enum (a payment's new purpose, a licence's new event); a
 * lost one fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#server/openapi-doc';
import { openApiPromises } from '#server/platform/http/openapi-promises';

const BASELINE = path.join(import.meta.dirname, 'fixtures/openapi-before-contracts.txt');

const ENUM = /^(.*): enum (\S+) (required|optional)$/;

/** The promise still made with more values in its enum: every value it promised is still one. */
function widened(line: string, now: Set<string>): boolean {
  const promised = ENUM.exec(line);
  if (!promised) return false;
  const [, where, values, requiredness] = promised;
  return [...now].some((other) => {
    const made = ENUM.exec(other);
    if (!made || made[1] !== where || made[3] !== requiredness) return false;
    const offered = new Set(made[2].split('|'));
    return values.split('|').every((v) => offered.has(v));
  });
}

describe('the OpenAPI document against its baseline', () => {
  it('loses no operation, parameter or field, and every $ref points at a component', async () => {
    const doc = await openApiDocument();
    const now = new Set(openApiPromises(doc as never));
    expect([...now].filter((line) => line.startsWith('dangling'))).toEqual([]);
    const before = fs
      .readFileSync(BASELINE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(before.length).toBeGreaterThan(1000);
    expect(
      before.filter((line) => !now.has(line) && !widened(line, now)),
      'promises of the baseline the document no longer makes',
    ).toEqual([]);
  });

  it('names its schemas in components (the $refs resolve)', async () => {
    const doc = await openApiDocument();
    const schemas = Object.keys(doc.components?.schemas ?? {});
    expect(schemas).toContain('Problem');
    expect(schemas).toContain('CatalogService');
  });
});
