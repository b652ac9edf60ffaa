/**
 * The OpenAPI document keeps its promises: every operation, parameter and field the document
 * described before the endpoints moved onto contracts (fixtures/openapi-before-contracts.txt) is
 * still described, with the same type and the same requiredness. New operations and fields are
 * welcome; a lost one fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#server/openapi-doc';
import { openApiPromises } from '#server/platform/http/openapi-promises';

const BASELINE = path.join(import.meta.dirname, 'fixtures/openapi-before-contracts.txt');

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
      before.filter((line) => !now.has(line)),
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
