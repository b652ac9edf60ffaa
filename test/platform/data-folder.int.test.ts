/**
 * The README's quick start in a fresh clone has no ./data: the embedded database's folder is
 * created with every folder above it (PGlite itself creates only the last one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client';

describe('the embedded database folder', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-data-folder-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is created with its missing parents, and opened again with its data', async () => {
    const dataDir = path.join(root, 'fresh-clone', 'data', 'pglite');
    const first = await openDatabase({ dataDir });
    await first.pool.query('create table kept (n int); insert into kept values (42)');
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);

    const again = await openDatabase({ dataDir });
    const { rows } = await again.pool.query<{ n: number }>('select n from kept');
    await again.close();
    expect(rows).toEqual([{ n: 42 }]);
  });
});
