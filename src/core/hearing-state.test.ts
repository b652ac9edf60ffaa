import { describe, expect, it } from 'vitest';
import {
  HEARING_STATES,
  HEARING_TRANSITIONS,
  applyParticipantCommand,
  hearingEnded,
  joinState,
  leaveState,
  nextHearingState,
  sameRoom,
} from './hearing-state';

describe('the hearing state machine', () => {
  it('runs scheduled → waiting → in session ⇄ paused → closed', () => {
    expect(nextHearingState('scheduled', 'open')).toBe('waiting');
    expect(nextHearingState('waiting', 'start')).toBe('in_session');
    expect(nextHearingState('in_session', 'pause')).toBe('paused');
    expect(nextHearingState('paused', 'resume')).toBe('in_session');
    expect(nextHearingState('in_session', 'close')).toBe('closed');
  });

  it('adjourns or closes from a running or a paused session', () => {
    expect(nextHearingState('in_session', 'adjourn')).toBe('adjourned');
    expect(nextHearingState('paused', 'adjourn')).toBe('adjourned');
    expect(nextHearingState('paused', 'close')).toBe('closed');
  });

  it('refuses every other transition', () => {
    const allowed = new Set([
      'scheduled:open',
      'waiting:start',
      'in_session:pause',
      'paused:resume',
      'in_session:adjourn',
      'paused:adjourn',
      'in_session:close',
      'paused:close',
    ]);
    const refused: string[] = [];
    for (const s of HEARING_STATES)
      for (const t of HEARING_TRANSITIONS) if (!allowed.has(`${s}:${t}`)) refused.push(`${s}:${t}`);
    // 6 states × 6 transitions, 8 allowed.
    expect(refused).toHaveLength(28);
    for (const r of refused) {
      const [s, t] = r.split(':') as [(typeof HEARING_STATES)[number], (typeof HEARING_TRANSITIONS)[number]];
      expect(nextHearingState(s, t), r).toBeNull();
    }
  });

  it('a session cannot start before the waiting room opens, nor pause before it starts', () => {
    expect(nextHearingState('scheduled', 'start')).toBeNull();
    expect(nextHearingState('waiting', 'pause')).toBeNull();
    expect(nextHearingState('waiting', 'close')).toBeNull();
  });

  it('an adjourned or closed hearing is final', () => {
    expect(hearingEnded('adjourned')).toBe(true);
    expect(hearingEnded('closed')).toBe(true);
    expect(hearingEnded('paused')).toBe(false);
    for (const t of HEARING_TRANSITIONS) {
      expect(nextHearingState('closed', t)).toBeNull();
      expect(nextHearingState('adjourned', t)).toBeNull();
    }
  });
});

describe("the judge's commands on a participant", () => {
  it('admits from the waiting room only', () => {
    expect(applyParticipantCommand('waiting', 'admit')).toBe('admitted');
    expect(applyParticipantCommand('invited', 'admit')).toBeNull();
    expect(applyParticipantCommand('admitted', 'admit')).toBeNull();
  });

  it('moves an admitted participant to the consultation room and back', () => {
    expect(applyParticipantCommand('admitted', 'to_consultation')).toBe('consultation');
    expect(applyParticipantCommand('consultation', 'from_consultation')).toBe('admitted');
    expect(applyParticipantCommand('waiting', 'to_consultation')).toBeNull();
    expect(applyParticipantCommand('admitted', 'from_consultation')).toBeNull();
  });

  it('removes anyone present; a removed participant stays removed', () => {
    expect(applyParticipantCommand('waiting', 'remove')).toBe('removed');
    expect(applyParticipantCommand('consultation', 'remove')).toBe('removed');
    expect(applyParticipantCommand('removed', 'remove')).toBeNull();
    expect(applyParticipantCommand('left', 'remove')).toBeNull();
  });

  it('the admitted see each other, those in consultation see only each other', () => {
    expect(sameRoom('admitted', 'admitted')).toBe(true);
    expect(sameRoom('consultation', 'consultation')).toBe(true);
    expect(sameRoom('admitted', 'consultation')).toBe(false);
    expect(sameRoom('waiting', 'waiting')).toBe(false);
  });
});

describe('joining and dropping', () => {
  const at = (s: string) => new Date(`2026-05-05T${s}Z`);

  it('the first join lands in the waiting room', () => {
    expect(joinState({ state: 'invited', before: null, leftAt: null }, 'waiting', at('06:00:00'))).toBe('waiting');
  });

  it('no one joins before the waiting room opens or after the end', () => {
    expect(joinState({ state: 'invited', before: null, leftAt: null }, 'scheduled', at('06:00:00'))).toBeNull();
    expect(joinState({ state: 'invited', before: null, leftAt: null }, 'closed', at('06:00:00'))).toBeNull();
  });

  it('a removed participant cannot join again', () => {
    expect(joinState({ state: 'removed', before: null, leftAt: null }, 'in_session', at('06:00:00'))).toBeNull();
  });

  it('dropping remembers where one was', () => {
    expect(leaveState('consultation')).toEqual({ state: 'left', before: 'consultation' });
    expect(leaveState('removed')).toEqual({ state: 'removed', before: null });
  });

  it('back within 60 seconds, one returns to one’s place; after it, to the waiting room', () => {
    const left = { state: 'left' as const, before: 'consultation' as const, leftAt: at('06:00:00') };
    expect(joinState(left, 'in_session', at('06:01:00'))).toBe('consultation');
    expect(joinState(left, 'in_session', at('06:01:01'))).toBe('waiting');
    expect(joinState({ ...left, before: 'admitted' }, 'paused', at('06:00:30'))).toBe('admitted');
    expect(joinState({ ...left, before: 'waiting' }, 'paused', at('06:00:30'))).toBe('waiting');
  });
});
