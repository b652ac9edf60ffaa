/**
 * A video hearing's states and its participants' states, as pure rules.
 *
 * The hearing: `scheduled → waiting → in_session ⇄ paused → adjourned | closed`. The judge or the
 * clerk opens the waiting room, starts the session, pauses and resumes it, and ends it by
 * adjourning (another hearing will follow) or closing; both ends are final.
 *
 * A participant: `invited` until they first join; joining puts them in the `waiting` room; the
 * judge admits them (`admitted`), may send them to a private `consultation` room with their lawyer
 * and back, or `removed` them (final for this hearing). Someone who drops is `left`; joining again
 * within the grace period puts them back where they were, after it into the waiting room.
 */

export const HEARING_STATES = ['scheduled', 'waiting', 'in_session', 'paused', 'adjourned', 'closed'] as const;
export type HearingState = (typeof HEARING_STATES)[number];

export const HEARING_TRANSITIONS = ['open', 'start', 'pause', 'resume', 'adjourn', 'close'] as const;
export type HearingTransition = (typeof HEARING_TRANSITIONS)[number];

const MOVES: Record<HearingTransition, { from: readonly HearingState[]; to: HearingState }> = {
  open: { from: ['scheduled'], to: 'waiting' },
  start: { from: ['waiting'], to: 'in_session' },
  pause: { from: ['in_session'], to: 'paused' },
  resume: { from: ['paused'], to: 'in_session' },
  adjourn: { from: ['in_session', 'paused'], to: 'adjourned' },
  close: { from: ['in_session', 'paused'], to: 'closed' },
};

/** The state a transition leads to from `current`, or null when the transition is not allowed there. */
export function nextHearingState(current: HearingState, transition: HearingTransition): HearingState | null {
  const move = MOVES[transition];
  return move.from.includes(current) ? move.to : null;
}

/** Has the hearing ended (nothing more may happen in it)? */
export function hearingEnded(state: HearingState): boolean {
  return state === 'adjourned' || state === 'closed';
}

/** May participants be in the hearing's rooms (the waiting room is open, the session running or paused)? */
function hearingRoomOpen(state: HearingState): boolean {
  return state === 'waiting' || state === 'in_session' || state === 'paused';
}

export const PARTICIPANT_STATES = ['invited', 'waiting', 'admitted', 'consultation', 'removed', 'left'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const PARTICIPANT_COMMANDS = ['admit', 'to_consultation', 'from_consultation', 'remove'] as const;
export type ParticipantCommand = (typeof PARTICIPANT_COMMANDS)[number];

const COMMANDS: Record<ParticipantCommand, { from: readonly ParticipantState[]; to: ParticipantState }> = {
  admit: { from: ['waiting'], to: 'admitted' },
  to_consultation: { from: ['admitted'], to: 'consultation' },
  from_consultation: { from: ['consultation'], to: 'admitted' },
  remove: { from: ['waiting', 'admitted', 'consultation'], to: 'removed' },
};

/** The judge's command on a participant: their next state, or null when it does not apply to them now. */
export function applyParticipantCommand(
  current: ParticipantState,
  command: ParticipantCommand,
): ParticipantState | null {
  const c = COMMANDS[command];
  return c.from.includes(current) ? c.to : null;
}

/** How long a participant who dropped keeps their place (admitted, in consultation). */
export const RECONNECT_GRACE_MS = 60_000;

/**
 * Where a participant lands when they join: the waiting room the first time; back in their place
 * when they come back within the grace period (`leftAt` + grace ≥ `now`); the waiting room after
 * it. A removed participant may not join again (null), nor anyone while the room is closed.
 */
export function joinState(
  p: { state: ParticipantState; before: ParticipantState | null; leftAt: Date | null },
  hearing: HearingState,
  now: Date,
  graceMs = RECONNECT_GRACE_MS,
): ParticipantState | null {
  if (!hearingRoomOpen(hearing) || p.state === 'removed') return null;
  if (p.state === 'invited') return 'waiting';
  if (p.state !== 'left') return p.state;
  const kept = p.before === 'admitted' || p.before === 'consultation';
  if (kept && p.leftAt && now.getTime() - p.leftAt.getTime() <= graceMs) return p.before;
  return 'waiting';
}

/** Where a participant goes when their connection ends: `left`, remembering where they were; a removed one stays removed. */
export function leaveState(current: ParticipantState): { state: ParticipantState; before: ParticipantState | null } {
  if (current === 'removed' || current === 'invited') return { state: current, before: null };
  if (current === 'left') return { state: 'left', before: null };
  return { state: 'left', before: current };
}

/** Who sees and hears whom: the admitted see one another; those in consultation see only each other. */
export function sameRoom(a: ParticipantState, b: ParticipantState): boolean {
  if (a === 'admitted' && b === 'admitted') return true;
  return a === 'consultation' && b === 'consultation';
}
