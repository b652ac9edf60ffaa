/**
 * The one source of "now" for the server. Every use case asks `ctx.clock.now()` instead of
 * `new Date()`, and passes that instant to SQL instead of `now()`, so the whole server can run on
 * a chosen day: tests and demos start it at a fixed instant (the story's "today", a day whose
 * deadline lands on a Friday or on Nowruz) and time then runs on from there at its real pace.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` at the moment it is made and runs on at real speed from there. */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock that stands still at `instant` (unit tests). */
export function frozenClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}
