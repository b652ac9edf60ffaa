/**
 * The web takes the server's lists of allowed values (statuses, roles, kinds …) from the areas'
 * `values.ts` files instead of writing them again by hand: a web file that declares an array of
 * the same strings as a list exported from a values.ts (in any order) fails here, naming the
 * list to import. Hand copies drift — a status added on the server would be missing in the UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WEB = path.join(ROOT, 'src/web');
const SERVER = path.join(ROOT, 'src/server');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

/** The string literals of an array literal's source, or null when it holds anything else. */
function stringsOf(arraySource: string): string[] | null {
  const inner = arraySource.slice(1, -1).trim().replace(/,$/, '');
  if (!inner) return null;
  const items = inner.split(',').map((s) => s.trim());
  if (!items.every((s) => /^'[^']*'$|^"[^"]*"$/.test(s))) return null;
  return items.map((s) => s.slice(1, -1));
}

/** Every array literal of two or more strings in a source file. */
function stringArrays(source: string): string[][] {
  return [...source.matchAll(/\[(?:\s*(?:'[^'\n]*'|"[^"\n]*")\s*,){1,}\s*(?:'[^'\n]*'|"[^"\n]*")?\s*,?\s*\]/g)]
    .map((m) => stringsOf(m[0]))
    .filter((items): items is string[] => items !== null && items.length >= 2);
}

const key = (items: readonly string[]) => [...items].sort().join('\u0000');

async function serverLists(): Promise<Map<string, string>> {
  const lists = new Map<string, string>();
  for (const file of filesUnder(SERVER, (name) => name === 'values.ts')) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (Array.isArray(value) && value.length >= 2 && value.every((v) => typeof v === 'string'))
        lists.set(key(value), `${name} (${path.relative(ROOT, file)})`);
  }
  return lists;
}

describe("the web's value lists come from the server's values.ts", () => {
  it('no web file declares an array equal to a list exported from a values.ts', async () => {
    const lists = await serverLists();
    expect(lists.size).toBeGreaterThan(15);
    const copies: string[] = [];
    for (const file of filesUnder(WEB, (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))) {
      for (const items of stringArrays(fs.readFileSync(file, 'utf8'))) {
        const list = lists.get(key(items));
        if (list) copies.push(`${path.relative(ROOT, file)}: [${items.join(', ')}] — import ${list}`);
      }
    }
    expect(copies, 'import the list from its values.ts instead of writing it again').toEqual([]);
  });

  it('the check sees a hand copy in any order and across lines, and nothing else', () => {
    expect(stringArrays("const S = ['paid', 'pending'] as const;")).toEqual([['paid', 'pending']]);
    expect(stringArrays("const S = [\n  'a',\n  'b',\n] as const;")).toEqual([['a', 'b']]);
    expect(stringArrays("f(['a', x, 'b'])")).toEqual([]);
    expect(stringArrays("const one = ['a'];")).toEqual([]);
    expect(key(['b', 'a'])).toBe(key(['a', 'b']));
  });
});
