/**
 * The arbitration case's state machine: every step the Code allows, and every other step refused.
 * The table of allowed steps below is written out by hand from Arts. 454–501 (see lifecycle.ts),
 * never read off the machine.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedSteps,
  ARBITRATION_STATES,
  ARBITRATION_STEPS,
  awardSignedBy,
  nextState,
  type ArbitrationState,
  type ArbitrationStep,
} from './lifecycle';

/** What may follow each state, and where it leads. */
const ALLOWED: Record<ArbitrationState, Partial<Record<ArbitrationStep, ArbitrationState>>> = {
  drafted: { consent_all: 'consented', withdraw: 'withdrawn' },
  consented: { appoint: 'arbitrators_appointed', settle: 'settled', withdraw: 'withdrawn' },
  arbitrators_appointed: {
    appoint: 'arbitrators_appointed',
    start_term: 'term_running',
    settle: 'settled',
    withdraw: 'withdrawn',
  },
  term_running: {
    draft_award: 'award_drafted',
    settle: 'settled',
    withdraw: 'withdrawn',
    expire_term: 'term_expired',
    extend_term: 'term_running',
  },
  award_drafted: {
    draft_award: 'award_drafted',
    sign_award: 'award_signed',
    settle: 'settled',
    expire_term: 'term_expired',
    extend_term: 'award_drafted',
  },
  award_signed: { notify_award: 'award_notified' },
  award_notified: { request_enforcement: 'enforcement_requested', request_annulment: 'annulment_requested' },
  annulment_requested: { request_enforcement: 'enforcement_requested' },
  enforcement_requested: {},
  settled: {},
  withdrawn: {},
  term_expired: {},
};

describe('the arbitration lifecycle', () => {
  it('walks agreement → consent → appointment → term → award → signature → notice → enforcement', () => {
    const path: [ArbitrationStep, ArbitrationState][] = [
      ['consent_all', 'consented'],
      ['appoint', 'arbitrators_appointed'],
      ['start_term', 'term_running'],
      ['draft_award', 'award_drafted'],
      ['sign_award', 'award_signed'],
      ['notify_award', 'award_notified'],
      ['request_annulment', 'annulment_requested'],
      ['request_enforcement', 'enforcement_requested'],
    ];
    let state: ArbitrationState = 'drafted';
    for (const [step, to] of path) {
      const next = nextState(state, step);
      expect(next, `${step} from ${state}`).toBe(to);
      state = next!;
    }
  });

  it.each(ARBITRATION_STATES.flatMap((s) => ARBITRATION_STEPS.map((step) => [s, step] as const)))(
    'from %s, %s is allowed exactly as the table says',
    (state, step) => {
      expect(nextState(state, step)).toBe(ALLOWED[state][step] ?? null);
    },
  );

  it('an award cannot be signed before it is drafted, nor notified before it is signed', () => {
    expect(nextState('term_running', 'sign_award')).toBeNull();
    expect(nextState('award_drafted', 'notify_award')).toBeNull();
  });

  it('no award, settlement or withdrawal after the term expired (Art. 489 para. 4)', () => {
    expect(allowedSteps('term_expired')).toEqual([]);
  });

  it('a notified award can no longer be settled or withdrawn, only enforced or challenged', () => {
    expect(allowedSteps('award_notified')).toEqual(['request_enforcement', 'request_annulment']);
  });
});

describe('a majority award (Art. 484)', () => {
  // Art. 484 (edalatsara.com, «ماده ۴۸۴»): «اگر داور از شرکت در جلسه یا دادن رأی یا امضای آن امتناع نماید، رأیی
  // که با اکثریت صادر می‌شود مناط اعتبار است … مراتب نیز باید در برگ رأی قید گردد».
  it('three arbitrators, two sign and one refuses: the majority award is valid', () => {
    expect(awardSignedBy(3, 2, 1)).toBe('signed');
  });
  it('three arbitrators, two sign and one has not answered: still waiting for the third', () => {
    expect(awardSignedBy(3, 2, 0)).toBe('pending');
  });
  it('three arbitrators, one signs and two refuse: no majority, no award', () => {
    expect(awardSignedBy(3, 1, 2)).toBe('no_majority');
  });
  it('a sole arbitrator signs: the award is signed', () => {
    expect(awardSignedBy(1, 1, 0)).toBe('signed');
  });
  it('two arbitrators split one to one: no majority', () => {
    expect(awardSignedBy(2, 1, 1)).toBe('no_majority');
  });
});
