/**
 * The integration files share their worker's modules (`isolate: false` in vitest.config.ts): a
 * file that sets a variable for its own server (a small upload limit, its own files folder) must
 * not hand it to the next file. The environment is put back as it was when each file ends.
 */
import { afterAll } from 'vitest';

const before = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  Object.assign(process.env, before);
});
