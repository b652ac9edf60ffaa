/**
 * The manager's answer clock of a complaint, counted by hand on the official calendar of Nowruz
 * 1405 (the 1405 calendar of the Council for Public Culture, as in proposal-clock.test.ts): 1–4
 * Farvardin = 2026-03-21 … 03-24 are Nowruz, 12 and 13 Farvardin = 2026-04-01 and 04-02 holidays;
 * Fridays 2026-03-20, 03-27, 04-03.
 */
import { describe, expect, it } from 'vitest';
import { fridaysAnd } from '#core/holiday-calendar';
import { answerClock, COMPLAINT_ANSWER_DAYS, complaintNotice, decidable } from './complaint';

const NOWRUZ_1405 = fridaysAnd(
  new Set(['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-01', '2026-04-02']),
);

describe("a complaint's answer clock", () => {
  it('gives the manager five working days, Fridays and Nowruz not counted', () => {
    expect(COMPLAINT_ANSWER_DAYS).toBe(5);
    // Filed Wednesday 27 Esfand 1404 (2026-03-18). Counted: Thu 03-19 (1); Fri 03-20 and Nowruz
    // 03-21…03-24 closed; Wed 03-25 (2), Thu 03-26 (3); Fri 03-27 closed; Sat 03-28 (4), Sun 03-29 (5).
    const reading = answerClock('2026-03-18', null, '2026-03-25', NOWRUZ_1405);
    expect(reading).toMatchObject({ elapsed: 2, remaining: 3, dueOn: '2026-03-29', state: 'running' });
    // On the last day the manager is reminded; the next working day it is overdue by one.
    expect(answerClock('2026-03-18', null, '2026-03-29', NOWRUZ_1405).state).toBe('reminder');
    expect(answerClock('2026-03-18', null, '2026-03-30', NOWRUZ_1405)).toMatchObject({ state: 'overdue', daysOver: 1 });
  });

  it('stops the day the manager answered: in time, or late by the working days over', () => {
    expect(answerClock('2026-03-18', '2026-03-26', '2026-04-10', NOWRUZ_1405)).toMatchObject({
      elapsed: 3,
      state: 'met',
    });
    // Answered Tuesday 2026-03-31: 03-30 (6), 03-31 (7) → two working days late.
    expect(answerClock('2026-03-18', '2026-03-31', '2026-04-10', NOWRUZ_1405)).toMatchObject({
      state: 'late',
      daysOver: 2,
    });
  });

  it('is decided by the association once answered, or once the limit passed unanswered', () => {
    const running = answerClock('2026-03-18', null, '2026-03-25', NOWRUZ_1405);
    const overdue = answerClock('2026-03-18', null, '2026-03-30', NOWRUZ_1405);
    expect(decidable('received', running)).toBe(false);
    expect(decidable('received', overdue)).toBe(true);
    expect(decidable('answered', running)).toBe(true);
    expect(decidable('upheld', overdue)).toBe(false);
  });
});

describe("the daily job's notices on a complaint's clock", () => {
  const none = { remindedOn: null, escalatedOn: null };
  const on = (today: string) => answerClock('2026-03-18', null, today, NOWRUZ_1405);

  it('reminds the manager once, when one working day is left, never on the closed days before it', () => {
    // Fri 03-27 (3 counted, 2 left) and Nowruz 03-23 (1 counted): nothing yet.
    expect(complaintNotice('received', on('2026-03-23'), none)).toBeNull();
    expect(complaintNotice('received', on('2026-03-27'), none)).toBeNull();
    // Sat 03-28 (4 counted, 1 left): the reminder; Sun 03-29, the last day, not again.
    expect(complaintNotice('received', on('2026-03-28'), none)).toBe('remind');
    expect(complaintNotice('received', on('2026-03-29'), { remindedOn: '2026-03-28', escalatedOn: null })).toBeNull();
  });

  it('a job that missed the reminder days still reminds on the last day', () => {
    expect(complaintNotice('received', on('2026-03-29'), none)).toBe('remind');
  });

  it('escalates once the limit has passed unanswered, once, whether or not the reminder went out', () => {
    // Mon 03-30 is the sixth working day.
    const sent = { remindedOn: '2026-03-28', escalatedOn: null };
    expect(complaintNotice('received', on('2026-03-30'), sent)).toBe('escalate');
    expect(complaintNotice('received', on('2026-03-30'), none)).toBe('escalate');
    expect(complaintNotice('received', on('2026-04-04'), { ...sent, escalatedOn: '2026-03-30' })).toBeNull();
  });

  it('owes nothing once the manager answered or the association decided', () => {
    const answered = answerClock('2026-03-18', '2026-03-29', '2026-03-30', NOWRUZ_1405);
    expect(complaintNotice('answered', answered, none)).toBeNull();
    expect(complaintNotice('upheld', on('2026-03-30'), none)).toBeNull();
  });
});
