import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_ORDER, PENDING_BACK_EDGES } from './areas';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { declaredOrder, areaOrderRules } = require(path.join(ROOT, '.dependency-cruiser.areas.cjs')) as {
  declaredOrder(): { areas: string[]; backEdges: { from: string; to: string }[] };
  areaOrderRules(order: {
    areas: string[];
    backEdges: { from: string; to: string }[];
  }): { name: string; from: { path: string }; to: { path: string } }[];
};

/** The area names of the architecture document's drawing, in the order its arrows run. */
function drawnOrder(): string[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const block = /<!-- area-order:start -->([\s\S]*?)<!-- area-order:end -->/.exec(doc);
  if (!block) throw new Error('docs/architecture.md has no area-order block');
  const names: string[] = [];
  for (const line of block[1].split('\n')) {
    if (!line.includes('-->')) continue;
    for (const part of line.split('-->')) {
      const id = part.trim().replace(/\[.*\]$/, '');
      if (id && !id.startsWith('ground_') && !names.includes(id)) names.push(id);
    }
  }
  return names;
}

describe('the declared order of the areas', () => {
  it('names every folder of src/server/modules once, and nothing else', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'src/server/modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect([...AREA_ORDER].sort()).toEqual(folders.sort());
    expect(new Set(AREA_ORDER).size).toBe(AREA_ORDER.length);
  });

  it('is what the boundary check reads from areas.ts, back-edges included', () => {
    expect(declaredOrder()).toEqual({ areas: [...AREA_ORDER], backEdges: PENDING_BACK_EDGES.map((e) => ({ ...e })) });
  });

  it('forbids each area every area above it, and the topmost nothing', () => {
    const rules = areaOrderRules(declaredOrder()).filter((r) => !r.name.endsWith(':pending'));
    expect(rules.map((r) => r.name)).toEqual(AREA_ORDER.slice(0, -1).map((a) => `area-order:${a}`));
    const catalog = new RegExp(rules[0].to.path);
    expect(catalog.test('src/server/modules/filings/service.ts')).toBe(true);
    expect(catalog.test('src/server/modules/catalog/store.ts')).toBe(false);
    const filings = new RegExp(rules[AREA_ORDER.indexOf('filings')].to.path);
    expect(filings.test('src/server/modules/payments/service.ts')).toBe(false);
    expect(filings.test('src/server/modules/counter/service.ts')).toBe(true);
  });

  it('is the order docs/architecture.md draws', () => {
    expect(drawnOrder()).toEqual([...AREA_ORDER]);
  });

  it('names only back-edges between files that exist, each running up the order', () => {
    const areaOf = (file: string) => AREA_ORDER.indexOf(file.split('/')[3] as (typeof AREA_ORDER)[number]);
    for (const edge of PENDING_BACK_EDGES) {
      expect(fs.existsSync(path.join(ROOT, edge.from)), edge.from).toBe(true);
      expect(fs.existsSync(path.join(ROOT, edge.to)), edge.to).toBe(true);
      expect(areaOf(edge.from)).toBeLessThan(areaOf(edge.to));
    }
  });
});
