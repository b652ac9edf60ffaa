/**
 * Online exams as pure rules: drawing questions from a course's bank, grading an answer sheet,
 * and the timing of an attempt. No I/O; the exams module draws and grades with these and the
 * web page counts down with the same timing rules.
 */

/** A source of uniform random integers in [0, bound). The server passes a crypto-strong one. */
export type RandomInt = (bound: number) => number;

/**
 * `count` distinct ids chosen uniformly at random from `ids` (a partial Fisher–Yates shuffle:
 * every subset and every order are equally likely when `rng` is uniform). The bank's order is
 * irrelevant; duplicates in `ids` are removed first so a question is never drawn twice.
 */
export function drawQuestions<T>(ids: readonly T[], count: number, rng: RandomInt): T[] {
  const pool = [...new Set(ids)];
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (count > pool.length) throw new RangeError(`cannot draw ${count} from a bank of ${pool.length}`);
  for (let i = 0; i < count; i++) {
    const j = i + rng(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

export interface GradeResult {
  correct: number;
  total: number;
  /** floor(100 × correct / total): never rounded up to a pass. */
  scorePercent: number;
  passed: boolean;
  /** Per drawn question: whether the chosen option was the correct one (unanswered: false). */
  correctness: Record<string, boolean>;
}

/**
 * Grades an answer sheet over the drawn questions. Answers to questions that were not drawn are
 * ignored here (the service refuses them before grading); an unanswered question counts wrong.
 */
export function grade(
  drawnIds: readonly (number | string)[],
  correctById: ReadonlyMap<string, number> | Record<string, number>,
  answers: Readonly<Record<string, number>>,
  passPercent: number,
): GradeResult {
  const correctOf = (id: string) =>
    correctById instanceof Map ? correctById.get(id) : (correctById as Record<string, number>)[id];
  const correctness: Record<string, boolean> = {};
  let correct = 0;
  for (const raw of drawnIds) {
    const id = String(raw);
    const right = correctOf(id);
    const ok = right !== undefined && Object.hasOwn(answers, id) && answers[id] === right;
    correctness[id] = ok;
    if (ok) correct++;
  }
  const total = drawnIds.length;
  const scorePercent = total === 0 ? 0 : Math.floor((100 * correct) / total);
  return { correct, total, scorePercent, passed: scorePercent >= passPercent, correctness };
}

/**
 * How late an answer sheet may arrive and still be accepted: it was sent before the deadline but
 * the network took a moment. Anything later is refused as after time.
 */
export const SUBMIT_GRACE_SECONDS = 5;

/** The deadline of an attempt that starts at `startedAt` and lasts `durationMinutes`. */
export function deadlineFor(startedAt: Date, durationMinutes: number): Date {
  return new Date(startedAt.getTime() + durationMinutes * 60_000);
}

/** Whole seconds left until the deadline, never negative. */
export function secondsLeft(deadlineAt: Date, now: Date): number {
  return Math.max(0, Math.floor((deadlineAt.getTime() - now.getTime()) / 1000));
}

/** Is the time over at `now`, allowing the grace for answer sheets in flight? */
export function isTimeOver(deadlineAt: Date, now: Date, graceSeconds = SUBMIT_GRACE_SECONDS): boolean {
  return now.getTime() > deadlineAt.getTime() + graceSeconds * 1000;
}

/** Attempts left of an exam allowing `maxAttempts`, counting every attempt started (submitted or expired). */
export function attemptsLeft(maxAttempts: number, attemptsUsed: number): number {
  return Math.max(0, maxAttempts - attemptsUsed);
}
