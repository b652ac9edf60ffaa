import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale, ROOT, writeStamp } from '../../bin/build-stamp.js';

// The stamp's paths are project-relative: the fixture lives in a scratch folder inside the project.
const scratch = path.join(ROOT, 'test-results', `build-stamp-${process.pid}`);
const rel = (p: string) => path.relative(ROOT, path.join(scratch, p));
const stampFile = rel('stamp.json');

describe('build stamps (npm start rebuilds only what is stale)', () => {
  beforeEach(() => {
    fs.mkdirSync(path.join(scratch, 'src/nested'), { recursive: true });
    fs.mkdirSync(path.join(scratch, 'out'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'src/a.ts'), 'a');
    fs.writeFileSync(path.join(scratch, 'src/nested/b.ts'), 'b');
    fs.writeFileSync(path.join(scratch, 'out/main.js'), 'built');
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const stamp = (startedAt: number) =>
    writeStamp(stampFile, { startedAt, inputs: [rel('src/a.ts'), rel('src/nested')], outputs: [rel('out/main.js')] });
  const touch = (p: string, at: number) => fs.utimesSync(path.join(scratch, p), at / 1000, at / 1000);

  it('a build whose inputs are all older than its start is fresh', () => {
    touch('src/a.ts', Date.now() - 60_000);
    touch('src/nested/b.ts', Date.now() - 60_000);
    stamp(Date.now() - 1_000);
    expect(isStale(stampFile)).toBe(false);
  });

  it('an input changed after the build started — even during the build — makes it stale, down a folder too', () => {
    const startedAt = Date.now() - 10_000;
    touch('src/a.ts', startedAt - 60_000);
    touch('src/nested/b.ts', startedAt + 1_000);
    stamp(startedAt);
    expect(isStale(stampFile)).toBe(true);
  });

  it('a missing input, a missing output or a missing stamp makes it stale', () => {
    touch('src/a.ts', Date.now() - 60_000);
    touch('src/nested/b.ts', Date.now() - 60_000);
    stamp(Date.now() - 1_000);
    fs.rmSync(path.join(scratch, 'src/a.ts'));
    expect(isStale(stampFile)).toBe(true);
    fs.writeFileSync(path.join(scratch, 'src/a.ts'), 'a');
    touch('src/a.ts', Date.now() - 60_000);
    fs.rmSync(path.join(scratch, 'out/main.js'));
    expect(isStale(stampFile)).toBe(true);
    expect(isStale(rel('no-such-stamp.json'))).toBe(true);
  });
});
