/**
 * What most browser specs set up alike: a server on a fresh copy of the demo (support/server.ts)
 * started before the spec's first test, people at the screens the spec names (a desk, a phone …;
 * support/people.ts), and all of it closed after the last test.
 *
 *   const { server, desktop, phone } = serverWithPeople({ now: NOW }, { desktop: DESKTOP, phone: PHONE });
 *
 * The handles are returned at once, so a spec keeps its own names for them, and answer once the
 * spec's hooks have begun: a `beforeAll` the spec registers after this call runs after the server
 * has started (to add its own data), an `afterAll` before the server stops.
 */
import { afterAll, beforeAll } from 'vitest';
import { type People, type Viewport, peopleOf } from './people';
import { type E2eServer, type E2eServerOptions, startE2eServer } from './server';

/** A 360 px phone. */
export const PHONE: Viewport = { width: 360, height: 740 };

/**
 * An object that stands for one made later: reading it before then is a mistake in the spec, said
 * as such. Methods are bound to the real object, so they can be passed around.
 */
function later<T extends object>(what: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error(`${what} is read before the spec's beforeAll started it`);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function serverWithPeople<Screen extends string>(
  options: E2eServerOptions,
  screens: Record<Screen, Viewport>,
): { server: E2eServer } & Record<Screen, People> {
  let server: E2eServer | undefined;
  const people = new Map<Screen, People>();
  const names = Object.keys(screens) as Screen[];

  beforeAll(async () => {
    server = await startE2eServer(options);
    for (const name of names) people.set(name, await peopleOf(server, screens[name]));
  });
  afterAll(async () => {
    for (const name of names) await people.get(name)?.close();
    await server?.stop();
  });

  const handles = Object.fromEntries(
    names.map((name) => [name, later(`the people at the ${name}`, () => people.get(name))]),
  ) as Record<Screen, People>;
  return { ...handles, server: later('the server', () => server) };
}
