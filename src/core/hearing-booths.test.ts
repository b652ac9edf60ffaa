import { describe, expect, it } from 'vitest';
import { boothCheckCounts, boothCheckOutcome, checkInCodeOf, freeBooth } from './hearing-booths';

const at = (hhmm: string) => new Date(`2026-05-10T${hhmm}:00+03:30`);
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

describe("an office's hearing booths", () => {
  it('gives the lowest-numbered free booth', () => {
    expect(freeBooth(2, [], slot('10:00', '10:45'))).toBe(1);
    expect(freeBooth(2, [{ boothNo: 1, ...slot('09:30', '10:15') }], slot('10:00', '10:45'))).toBe(2);
  });

  it('never books a booth twice for overlapping hearings; none is free when all are taken', () => {
    const taken = [
      { boothNo: 1, ...slot('10:00', '11:00') },
      { boothNo: 2, ...slot('10:30', '11:30') },
    ];
    expect(freeBooth(2, taken, slot('10:50', '11:10'))).toBeNull();
    expect(freeBooth(0, [], slot('10:00', '10:30'))).toBeNull();
  });

  it('lets a booth be booked again from the minute the last hearing in it ends', () => {
    expect(freeBooth(1, [{ boothNo: 1, ...slot('10:00', '10:45') }], slot('10:45', '11:30'))).toBe(1);
    expect(freeBooth(1, [{ boothNo: 1, ...slot('10:00', '10:45') }], slot('10:44', '11:30'))).toBeNull();
  });

  it('ignores bookings of booths the office no longer has', () => {
    expect(freeBooth(1, [{ boothNo: 2, ...slot('10:00', '11:00') }], slot('10:00', '11:00'))).toBe(1);
  });
});

describe('the check-in code', () => {
  it('is six digits, leading zeros kept', () => {
    expect(checkInCodeOf(42)).toBe('000042');
    expect(checkInCodeOf(987654)).toBe('987654');
    expect(checkInCodeOf(1_234_567)).toBe('234567');
  });
});

describe("the office's check of a booth's device", () => {
  const ok = { camera: 'ok', microphone: 'ok', speaker: 'ok', connection: 'ok' } as const;

  it('passes only when the camera, microphone, speaker and connection are all ok', () => {
    expect(boothCheckOutcome(ok)).toEqual({ passed: true, failed: [] });
  });

  it('names every check that was not ok, a silent microphone and a slow connection included', () => {
    expect(boothCheckOutcome({ ...ok, microphone: 'silent' })).toEqual({ passed: false, failed: ['microphone'] });
    expect(boothCheckOutcome({ ...ok, camera: 'fail', connection: 'slow' })).toEqual({
      passed: false,
      failed: ['camera', 'connection'],
    });
  });

  it('speaks for a hearing when made the day before or on the day, not earlier or later', () => {
    // A hearing on 1 Farvardin 1405 (2026-03-21): the day before is 29 Esfand 1404, across the year's turn.
    expect(boothCheckCounts('2026-03-20', '2026-03-21')).toBe(true);
    expect(boothCheckCounts('2026-03-21', '2026-03-21')).toBe(true);
    expect(boothCheckCounts('2026-03-19', '2026-03-21')).toBe(false);
    expect(boothCheckCounts('2026-03-22', '2026-03-21')).toBe(false);
  });
});
