import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineFromDelivery, limitInDays, longestDeadline } from './deadlines';

const none = new Set<string>();

describe('legal deadlines', () => {
  it('does not count the day of delivery (Art. 445)', () => {
    // Delivered Sunday 2024-05-05, ten days: the count starts Monday and ends Wednesday the 15th.
    expect(deadlineFromDelivery('2024-05-05', 10, none)).toEqual({ lastDay: '2024-05-15', movedFrom: null });
  });
  it('moves a last day that falls on a Friday to Saturday (Art. 444)', () => {
    // 2024-05-03 is a Friday.
    expect(deadlineFromDelivery('2024-04-23', 10, none)).toEqual({ lastDay: '2024-05-04', movedFrom: '2024-05-03' });
  });
  it('moves past official holidays that follow, too', () => {
    const holidays = new Set(['2024-05-04', '2024-05-05']);
    expect(deadlineFromDelivery('2024-04-23', 10, holidays).lastDay).toBe('2024-05-06');
  });
  it('counts a month as thirty days (Art. 443)', () => {
    expect(limitInDays(1, 'month')).toBe(30);
    expect(limitInDays(2, 'month')).toBe(60);
    expect(limitInDays(1, 'year')).toBe(360);
  });
  it('gives everyone the longest limit among several parties (Art. 447)', () => {
    const a = deadlineFromDelivery('2024-05-05', 20, none);
    const b = deadlineFromDelivery('2024-05-05', 60, none);
    expect(longestDeadline([a, b])).toBe(b);
  });
  it('counts days left, zero on the last day', () => {
    expect(daysLeft('2024-05-15', '2024-05-15')).toBe(0);
    expect(daysLeft('2024-05-10', '2024-05-15')).toBe(5);
    expect(daysLeft('2024-05-16', '2024-05-15')).toBe(-1);
  });
  it('refuses a limit that is not a whole positive number of days', () => {
    expect(() => deadlineFromDelivery('2024-05-05', 0, none)).toThrow();
  });
});
