import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockStartingAt, frozenClock } from './clock';

describe('clocks', () => {
  it('a frozen clock stands still at its instant, and what it hands out cannot move it', () => {
    const clock = frozenClock(new Date('2026-05-05T06:30:00Z'));
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-05-05T06:30:00.000Z');
  });

  it('a clock starting at an instant reads it at once and then runs on at real speed', async () => {
    const start = new Date('2024-04-03T06:30:00Z');
    const clock = clockStartingAt(start);
    const first = clock.now().getTime();
    expect(first - start.getTime()).toBeGreaterThanOrEqual(0);
    expect(first - start.getTime()).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(25);
  });
});

/**
 * The server reads the time only from `ctx.clock` (or an instant handed down from it): no
 * `new Date()`, `Date.now()`, argument-less `tehranIsoDate()`, and no SQL `now()` / `current_date`
 * outside column defaults. A few places keep the machine's time on purpose, each said why.
 */
describe('the server reads the time from its clock only', () => {
  const SERVER = path.resolve(import.meta.dirname, '../..');
  const MACHINE_TIME: Record<string, string> = {
    'platform/clock/clock.ts': 'the clocks themselves',
    'platform/audit/audit-log.ts':
      'the audit chain records when the write happened on the machine, whatever day the server is told it is',
    'platform/storage/storage.ts': 'a storage key is made unique with the time, not dated by it',
    'modules/operators/registry/large-totals.ts': 'a cache of counts kept for 15 s of real time',
  };
  const READS_THE_MACHINE = [
    /new Date\(\)/,
    /Date\.now\(\)/,
    /tehranIsoDate\(\)/,
    // SQL's clock: now(), current_date, current_timestamp, localtimestamp (a column default is fine).
    /(?<![.\w])now\(\)(?!`\))/,
    /\bcurrent_(date|timestamp)\b/i,
    /\blocaltimestamp\b/i,
  ];

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return sources(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    });
  }

  it('no use case, store or job asks the machine for the time', () => {
    const found: string[] = [];
    for (const file of sources(SERVER)) {
      const rel = path.relative(SERVER, file).split(path.sep).join('/');
      if (MACHINE_TIME[rel]) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/^\s*(\*|\/\/).*$/, '');
          if (READS_THE_MACHINE.some((re) => re.test(code))) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("the places that keep the machine's time still exist (a stale exception hides nothing)", () => {
    for (const rel of Object.keys(MACHINE_TIME)) expect(fs.existsSync(path.join(SERVER, rel)), rel).toBe(true);
  });
});
