import { describe, expect, it } from 'vitest';
import { dueReminder } from './hearing-reminders';

// A hearing on 20 Ordibehesht 1405 at 10:30 Tehran (07:00 UTC), summoned five days ahead.
const starts = new Date('2026-05-10T07:00:00Z');
const summoned = new Date('2026-05-05T06:30:00Z');
const at = (iso: string) => dueReminder(starts, summoned, new Date(iso));

describe("a hearing's reminders", () => {
  it('sends nothing earlier than 24 hours ahead', () => {
    expect(at('2026-05-09T06:59:00Z')).toBeNull();
  });

  it('is due the day before from 24 hours ahead until the last hour', () => {
    expect(at('2026-05-09T07:00:00Z')).toBe('day');
    expect(at('2026-05-10T05:59:00Z')).toBe('day');
  });

  it('is due an hour before from 60 minutes ahead until the start, and never after it', () => {
    expect(at('2026-05-10T06:00:00Z')).toBe('hour');
    expect(at('2026-05-10T06:59:59Z')).toBe('hour');
    expect(at('2026-05-10T07:00:00Z')).toBeNull();
    expect(at('2026-05-10T08:00:00Z')).toBeNull();
  });

  it('does not remind of a hearing summoned within the lead time: the summons itself is the warning', () => {
    const lateSummons = new Date('2026-05-09T20:00:00Z'); // 11 hours ahead
    expect(dueReminder(starts, lateSummons, new Date('2026-05-09T21:00:00Z'))).toBeNull();
    expect(dueReminder(starts, lateSummons, new Date('2026-05-10T06:30:00Z'))).toBe('hour');
    const veryLate = new Date('2026-05-10T06:30:00Z');
    expect(dueReminder(starts, veryLate, new Date('2026-05-10T06:40:00Z'))).toBeNull();
  });
});
