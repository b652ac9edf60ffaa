import { describe, expect, it } from 'vitest';
import {
  attemptsLeft,
  deadlineFor,
  drawQuestions,
  grade,
  isTimeOver,
  secondsLeft,
  SUBMIT_GRACE_SECONDS,
} from './exams';

/** A deterministic stand-in for the random source: always picks offset 0 (the identity draw). */
const first = () => 0;
/** Always picks the last remaining element. */
const last = (bound: number) => bound - 1;

describe('drawing questions', () => {
  it('with offset 0 each time takes the bank in order (hand-checked partial Fisher–Yates)', () => {
    expect(drawQuestions([1, 2, 3, 4, 5], 3, first)).toEqual([1, 2, 3]);
  });
  it('with the last offset each time swaps from the end: [1..5] → 5, 4, 3', () => {
    // i=0: swap 0↔4 → [5,2,3,4,1]; i=1: swap 1↔4 → [5,1,3,4,2]; i=2: swap 2↔4 → [5,1,2,4,3].
    expect(drawQuestions([1, 2, 3, 4, 5], 3, last)).toEqual([5, 1, 2]);
  });
  it('never draws a question twice, even when the bank lists one twice', () => {
    const drawn = drawQuestions([7, 7, 8, 9], 3, last);
    expect(new Set(drawn).size).toBe(3);
    expect(drawn.sort()).toEqual([7, 8, 9]);
  });
  it('refuses to draw more than the bank holds, or a negative count', () => {
    expect(() => drawQuestions([1, 2], 3, first)).toThrow(RangeError);
    expect(() => drawQuestions([1, 2], -1, first)).toThrow(RangeError);
  });
  it('draws the whole bank when asked for all of it, and nothing for zero', () => {
    expect(drawQuestions([3, 1, 2], 3, first).sort()).toEqual([1, 2, 3]);
    expect(drawQuestions([3, 1, 2], 0, first)).toEqual([]);
  });
  it('is uniform: over every sequence of random choices, each 2-subset of 4 questions is drawn equally often', () => {
    // Enumerate every outcome of the random source (4 × 3 choices) instead of sampling: exact, not statistical.
    const counts = new Map<string, number>();
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 3; b++) {
        const choices = [a, b];
        const drawn = drawQuestions([1, 2, 3, 4], 2, () => choices.shift()!);
        const key = [...drawn].sort().join(',');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(6);
    expect([...counts.values()]).toEqual([2, 2, 2, 2, 2, 2]);
  });
  it('does not change the bank it was given', () => {
    const bank = [1, 2, 3];
    drawQuestions(bank, 2, last);
    expect(bank).toEqual([1, 2, 3]);
  });
});

describe('grading', () => {
  const correct = { 10: 1, 11: 0, 12: 3, 13: 2 };
  it('scores floor(100 × correct / drawn): 3 of 4 is 75, 2 of 3 is 66 (not 67)', () => {
    expect(grade([10, 11, 12, 13], correct, { 10: 1, 11: 0, 12: 3, 13: 0 }, 70)).toMatchObject({
      correct: 3,
      total: 4,
      scorePercent: 75,
      passed: true,
    });
    expect(grade([10, 11, 12], correct, { 10: 1, 11: 0, 12: 0 }, 67)).toMatchObject({
      correct: 2,
      scorePercent: 66,
      passed: false,
    });
  });
  it('passes exactly at the pass mark', () => {
    expect(grade([10, 11], correct, { 10: 1, 11: 1 }, 50).passed).toBe(true);
    expect(grade([10, 11], correct, { 10: 1, 11: 1 }, 51).passed).toBe(false);
  });
  it('counts an unanswered question as wrong, and says which were right', () => {
    const r = grade([10, 11, 12], correct, { 10: 1 }, 70);
    expect(r).toMatchObject({ correct: 1, scorePercent: 33, passed: false });
    expect(r.correctness).toEqual({ 10: true, 11: false, 12: false });
  });
  it('ignores answers to questions that were not drawn', () => {
    expect(grade([10], correct, { 10: 1, 11: 0, 12: 3 }, 100)).toMatchObject({
      correct: 1,
      total: 1,
      scorePercent: 100,
    });
  });
  it('accepts the correct options as a map keyed by id', () => {
    expect(
      grade(
        [5, 6],
        new Map([
          ['5', 2],
          ['6', 0],
        ]),
        { 5: 2, 6: 1 },
        50,
      ),
    ).toMatchObject({ correct: 1, scorePercent: 50, passed: true });
  });
  it('an empty sheet scores 0', () => {
    expect(grade([10, 11], correct, {}, 1)).toMatchObject({ correct: 0, scorePercent: 0, passed: false });
  });
});

describe('timing', () => {
  const start = new Date('2026-11-29T08:00:00Z');
  it('the deadline is the start plus the duration', () => {
    expect(deadlineFor(start, 20).toISOString()).toBe('2026-11-29T08:20:00.000Z');
  });
  it('seconds left are whole and never negative', () => {
    const deadline = deadlineFor(start, 20);
    expect(secondsLeft(deadline, start)).toBe(1200);
    expect(secondsLeft(deadline, new Date('2026-11-29T08:19:59.400Z'))).toBe(0);
    expect(secondsLeft(deadline, new Date('2026-11-29T09:00:00Z'))).toBe(0);
  });
  it('an answer sheet within the grace after the deadline is in time; one after it is not', () => {
    const deadline = deadlineFor(start, 20);
    expect(SUBMIT_GRACE_SECONDS).toBe(5);
    expect(isTimeOver(deadline, new Date('2026-11-29T08:20:05Z'))).toBe(false);
    expect(isTimeOver(deadline, new Date('2026-11-29T08:20:05.001Z'))).toBe(true);
    expect(isTimeOver(deadline, new Date('2026-11-29T08:19:00Z'))).toBe(false);
  });
  it('attempts left count every attempt started and never go below zero', () => {
    expect(attemptsLeft(3, 0)).toBe(3);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(attemptsLeft(3, 4)).toBe(0);
  });
});
