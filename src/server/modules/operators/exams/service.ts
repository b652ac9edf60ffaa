/**
 * Exams: the national question bank of each course, timed exams drawn from it at random, graded
 * automatically, with a limited number of attempts. A candidate only ever sees their own
 * attempts, and never the correct answers before they submit; results are read by those who
 * oversee the candidate's office or province.
 */
import { randomInt } from 'node:crypto';
import {
  attemptsLeft,
  deadlineFor,
  drawQuestions,
  grade,
  isTimeOver,
  secondsLeft,
  SUBMIT_GRACE_SECONDS,
} from '#core/exams';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { NATIONAL } from '#server/modules/operators/training/service';
import { findCourse, staffPlace } from '#server/modules/operators/training/store';
import type { ExamInput, QuestionInput, ResultsQuery, SubmitInput } from './schemas';
import * as store from './store';

const iso = (d: Date | string) => new Date(d).toISOString();

// ---- The question bank ----

function toQuestion(q: store.QuestionRow & { timesDrawn?: number }) {
  return {
    id: q.id,
    courseId: q.courseId,
    textFa: q.textFa,
    options: q.options,
    correctIndex: q.correctIndex,
    active: q.active,
    timesDrawn: Number(q.timesDrawn ?? 0),
  };
}

/** Options must be non-blank and distinct, and the correct one among them: each problem named by its field. */
function checkQuestion(input: QuestionInput) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.options.forEach((option, i) => {
    const key = option.replace(/\s+/g, ' ').toLowerCase();
    if (option.length === 0 || seen.has(key)) errors.push(fieldError(`options.${i}`, 'duplicate_options'));
    seen.add(key);
  });
  if (input.correctIndex >= input.options.length)
    errors.push(fieldError('correctIndex', 'correct_option_out_of_range'));
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
}

async function bankCourse(ctx: AppContext, actor: Actor, courseId: number) {
  authorize(actor, 'exams.manage', NATIONAL);
  const course = await findCourse(ctx.db, courseId);
  if (!course) throw new AppError('not_found');
  return course;
}

export async function listQuestions(
  ctx: AppContext,
  actor: Actor,
  courseId: number,
  q: { includeInactive?: 'true' | 'false' },
) {
  const course = await bankCourse(ctx, actor, courseId);
  const rows = await store.questionsOfCourse(ctx.db, course.id, q.includeInactive === 'true');
  return { items: rows.map(toQuestion), activeCount: await store.activeQuestionCount(ctx.db, course.id) };
}

export async function addQuestion(ctx: AppContext, actor: Actor, courseId: number, input: QuestionInput) {
  const course = await bankCourse(ctx, actor, courseId);
  checkQuestion(input);
  const id = await ctx.db.transaction(async (tx) => {
    const questionId = await store.insertQuestion(tx, {
      courseId: course.id,
      textFa: input.textFa,
      options: input.options,
      correctIndex: input.correctIndex,
      active: input.active,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'exams.question.create',
      entityType: 'exam-question',
      entityId: questionId,
      data: { courseId: course.id },
    });
    return questionId;
  });
  return toQuestion((await store.findQuestion(ctx.db, id))!);
}

export async function updateQuestion(ctx: AppContext, actor: Actor, id: number, input: QuestionInput) {
  authorize(actor, 'exams.manage', NATIONAL);
  const current = await store.findQuestion(ctx.db, id);
  if (!current) throw new AppError('not_found');
  checkQuestion(input);
  // Attempts are graded and shown against the question as drawn: once drawn, only its wording and activity may change.
  const answerChanged =
    current.correctIndex !== input.correctIndex || JSON.stringify(current.options) !== JSON.stringify(input.options);
  if (answerChanged && (await store.timesDrawn(ctx.db, id)) > 0) {
    throw new AppError('validation_failed', {
      fields: [fieldError('options', 'question_already_drawn'), fieldError('correctIndex', 'question_already_drawn')],
    });
  }
  await ctx.db.transaction(async (tx) => {
    await store.updateQuestion(tx, id, {
      textFa: input.textFa,
      options: input.options,
      correctIndex: input.correctIndex,
      active: input.active,
    });
    await recordAudit(tx, actor, {
      action: 'exams.question.update',
      entityType: 'exam-question',
      entityId: id,
      data: {
        courseId: current.courseId,
        correctIndexChanged: current.correctIndex !== input.correctIndex,
        active: input.active,
      },
    });
  });
  return toQuestion((await store.findQuestion(ctx.db, id))!);
}

/** Deactivation, not deletion: attempts that drew the question keep it and are still graded against it. */
export async function deactivateQuestion(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'exams.manage', NATIONAL);
  const current = await store.findQuestion(ctx.db, id);
  if (!current) throw new AppError('not_found');
  await ctx.db.transaction(async (tx) => {
    await store.updateQuestion(tx, id, { active: false });
    await recordAudit(tx, actor, {
      action: 'exams.question.deactivate',
      entityType: 'exam-question',
      entityId: id,
      data: { courseId: current.courseId },
    });
  });
  return toQuestion((await store.findQuestion(ctx.db, id))!);
}

// ---- Exams ----

interface Standing {
  attemptsUsed: number;
  attemptsLeft: number;
  bestScore: number | null;
  passed: boolean;
  inProgressAttemptId: number | null;
}
const NO_STANDING = (maxAttempts: number): Standing => ({
  attemptsUsed: 0,
  attemptsLeft: maxAttempts,
  bestScore: null,
  passed: false,
  inProgressAttemptId: null,
});

function standingOf(exam: store.ExamRow, attempts: store.AttemptRow[], now: Date): Standing {
  const mine = attempts.filter((a) => a.examId === exam.id);
  const scores = mine.map((a) => a.scorePercent).filter((s): s is number => s != null);
  const running = mine.find((a) => a.status === 'in-progress' && !isTimeOver(a.deadlineAt, now));
  return {
    attemptsUsed: mine.length,
    attemptsLeft: attemptsLeft(exam.maxAttempts, mine.length),
    bestScore: scores.length ? Math.max(...scores) : null,
    passed: mine.some((a) => a.passed === true),
    inProgressAttemptId: running?.id ?? null,
  };
}

function toExam(e: store.ExamView, standing: Standing) {
  return {
    id: e.id,
    course: { id: e.courseId, code: e.courseCode, titleFa: e.courseTitleFa, titleEn: e.courseTitleEn },
    titleFa: e.titleFa,
    questionCount: e.questionCount,
    durationMinutes: e.durationMinutes,
    passPercent: e.passPercent,
    maxAttempts: e.maxAttempts,
    active: e.active,
    mine: standing,
  };
}

export async function listExams(
  ctx: AppContext,
  actor: Actor,
  q: { courseId?: number; includeInactive?: 'true' | 'false' },
) {
  scopeFilter(actor, 'training.read');
  const includeInactive = q.includeInactive === 'true' && can(actor, 'exams.manage', NATIONAL);
  const [rows, attempts] = await Promise.all([
    store.listExams(ctx.db, { courseId: q.courseId, includeInactive }),
    store.attemptsOfUser(ctx.db, actor.userId),
  ]);
  const now = ctx.clock.now();
  return { items: rows.map((e) => toExam(e, standingOf(e, attempts, now))) };
}

/** An active exam must be drawable: the course's active bank holds at least as many questions as it draws. */
async function checkBank(ctx: AppContext, courseId: number, input: ExamInput) {
  if (!input.active) return;
  const available = await store.activeQuestionCount(ctx.db, courseId);
  if (available < input.questionCount) {
    throw new AppError('question_bank_too_small', {
      fields: [fieldError('questionCount', 'too_big')],
      extra: { available, questionCount: input.questionCount },
    });
  }
}

export async function createExam(ctx: AppContext, actor: Actor, courseId: number, input: ExamInput) {
  const course = await bankCourse(ctx, actor, courseId);
  await checkBank(ctx, course.id, input);
  const id = await ctx.db.transaction(async (tx) => {
    const examId = await store.insertExam(tx, { courseId: course.id, ...input, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'exams.exam.create',
      entityType: 'exam',
      entityId: examId,
      data: { courseId: course.id, ...input },
    });
    return examId;
  });
  return toExam((await store.findExam(ctx.db, id))!, NO_STANDING(input.maxAttempts));
}

export async function updateExam(ctx: AppContext, actor: Actor, id: number, input: ExamInput) {
  authorize(actor, 'exams.manage', NATIONAL);
  const current = await store.findExam(ctx.db, id);
  if (!current) throw new AppError('not_found');
  await checkBank(ctx, current.courseId, input);
  await ctx.db.transaction(async (tx) => {
    await store.updateExam(tx, id, input);
    await recordAudit(tx, actor, {
      action: 'exams.exam.update',
      entityType: 'exam',
      entityId: id,
      data: {
        ...input,
        previous: {
          questionCount: current.questionCount,
          durationMinutes: current.durationMinutes,
          passPercent: current.passPercent,
          maxAttempts: current.maxAttempts,
          active: current.active,
        },
      },
    });
  });
  return toExam((await store.findExam(ctx.db, id))!, NO_STANDING(input.maxAttempts));
}

// ---- Attempts ----

async function candidate(ctx: AppContext, actor: Actor) {
  scopeFilter(actor, 'exams.take');
  const place = await staffPlace(ctx.db, actor.userId);
  if (!place) throw new AppError('forbidden');
  authorize(actor, 'exams.take', { officeId: place.officeId, provinceId: place.provinceId });
  return place;
}

/** An attempt as its candidate sees it: questions without answers; after submission the grade and which were right. */
async function attemptView(ctx: AppContext, attempt: store.AttemptRow, exam: store.ExamView) {
  const now = ctx.clock.now();
  const questions = new Map((await store.questionsByIds(ctx.db, attempt.questionIds)).map((q) => [q.id, q]));
  const status =
    attempt.status === 'in-progress' && isTimeOver(attempt.deadlineAt, now) ? ('expired' as const) : attempt.status;
  let correctness: Record<string, boolean> | null = null;
  if (status === 'submitted') {
    const correctById = new Map(attempt.questionIds.map((id) => [String(id), questions.get(id)?.correctIndex ?? -1]));
    correctness = grade(attempt.questionIds, correctById, attempt.answers ?? {}, exam.passPercent).correctness;
  }
  return {
    id: attempt.id,
    exam: {
      id: exam.id,
      titleFa: exam.titleFa,
      passPercent: exam.passPercent,
      durationMinutes: exam.durationMinutes,
      courseCode: exam.courseCode,
    },
    attemptNumber: attempt.attemptNumber,
    status,
    startedAt: iso(attempt.startedAt),
    deadlineAt: iso(attempt.deadlineAt),
    secondsLeft: status === 'in-progress' ? secondsLeft(attempt.deadlineAt, now) : 0,
    questions: attempt.questionIds.map((id) => {
      const q = questions.get(id)!;
      return { id: q.id, textFa: q.textFa, options: q.options };
    }),
    submittedAt: attempt.submittedAt ? iso(attempt.submittedAt) : null,
    scorePercent: status === 'submitted' ? attempt.scorePercent : null,
    passed: status === 'submitted' ? attempt.passed : null,
    answers: status === 'submitted' ? (attempt.answers ?? {}) : null,
    correctness,
  };
}

export async function startAttempt(ctx: AppContext, actor: Actor, examId: number) {
  await candidate(ctx, actor);
  const exam = await store.findExam(ctx.db, examId);
  if (!exam?.active) throw new AppError('not_found');
  const attempt = await ctx.db.transaction(async (tx) => {
    // One start at a time per person: two parallel starts cannot both pass the attempts check.
    await store.lockAttemptsOf(tx, actor.userId);
    const startedAt = ctx.clock.now();
    await store.expireOverdue(tx, actor.userId, SUBMIT_GRACE_SECONDS, startedAt);
    const previous = await store.attemptsOf(tx, exam.id, actor.userId);
    const running = previous.find((a) => a.status === 'in-progress');
    if (running) throw new AppError('exam_attempt_in_progress', { extra: { attemptId: running.id } });
    if (previous.length >= exam.maxAttempts)
      throw new AppError('exam_attempts_exhausted', { extra: { maxAttempts: exam.maxAttempts } });
    const bank = await store.activeQuestionIds(tx, exam.courseId);
    if (bank.length < exam.questionCount)
      throw new AppError('question_bank_too_small', {
        extra: { available: bank.length, questionCount: exam.questionCount },
      });
    return store.insertAttempt(tx, {
      examId: exam.id,
      userId: actor.userId,
      attemptNumber: previous.length + 1,
      questionIds: drawQuestions(bank, exam.questionCount, (bound) => randomInt(bound)),
      startedAt,
      deadlineAt: deadlineFor(startedAt, exam.durationMinutes),
    });
  });
  return attemptView(ctx, attempt, exam);
}

/** One's own attempt; anyone else's is not revealed. */
export async function getAttempt(ctx: AppContext, actor: Actor, id: number) {
  await candidate(ctx, actor);
  const attempt = await store.findAttempt(ctx.db, id);
  if (!attempt || attempt.userId !== actor.userId) throw new AppError('not_found');
  return attemptView(ctx, attempt, (await store.findExam(ctx.db, attempt.examId))!);
}

export async function submitAttempt(ctx: AppContext, actor: Actor, id: number, input: SubmitInput) {
  const place = await candidate(ctx, actor);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    // The row lock makes a double submit grade once: the second waits, then finds the attempt closed.
    const attempt = await store.findAttempt(tx, id, true);
    if (!attempt || attempt.userId !== actor.userId) throw new AppError('not_found');
    if (attempt.status !== 'in-progress')
      throw new AppError('exam_attempt_closed', { extra: { attemptStatus: attempt.status } });
    if (isTimeOver(attempt.deadlineAt, now)) {
      // Closed as expired with no score; it still counts as an attempt. Committed before the refusal.
      await store.updateAttempt(tx, id, { status: 'expired' });
      return { expired: true as const };
    }
    const exam = (await store.findExam(tx, attempt.examId))!;
    const questions = new Map((await store.questionsByIds(tx, attempt.questionIds)).map((q) => [String(q.id), q]));
    const errors: FieldError[] = [];
    for (const [questionId, option] of Object.entries(input.answers)) {
      const q = questions.get(questionId);
      if (!q) errors.push(fieldError(`answers.${questionId}`, 'question_not_drawn'));
      else if (option >= q.options.length) errors.push(fieldError(`answers.${questionId}`, 'option_out_of_range'));
    }
    if (errors.length) throw new AppError('validation_failed', { fields: errors });
    const correctById = new Map([...questions].map(([qid, q]) => [qid, q.correctIndex]));
    const result = grade(attempt.questionIds, correctById, input.answers, exam.passPercent);
    await store.updateAttempt(tx, id, {
      status: 'submitted',
      answers: input.answers,
      submittedAt: now,
      scorePercent: result.scorePercent,
      passed: result.passed,
    });
    await recordAudit(tx, actor, {
      action: 'exams.attempt.submit',
      entityType: 'exam-attempt',
      entityId: id,
      officeId: place.officeId,
      provinceId: place.provinceId,
      data: {
        examId: exam.id,
        attemptNumber: attempt.attemptNumber,
        scorePercent: result.scorePercent,
        passed: result.passed,
      },
    });
    return { expired: false as const };
  });
  if (outcome.expired) throw new AppError('exam_time_over', { extra: { attemptId: id } });
  return getAttempt(ctx, actor, id);
}

// ---- Results ----

export async function examResults(ctx: AppContext, actor: Actor, examId: number, q: ResultsQuery) {
  const filter = scopeFilter(actor, 'exams.results');
  // Asking for an office or province outside one's scope is refused, not answered empty.
  if (q.officeId) {
    const provinceId = await store.provinceOfOffice(ctx.db, q.officeId);
    if (provinceId == null) throw invalidField('officeId', 'office_not_found');
    authorize(actor, 'exams.results', { officeId: q.officeId, provinceId });
  }
  if (q.provinceId) authorize(actor, 'exams.results', { provinceId: q.provinceId });
  const exam = await store.findExam(ctx.db, examId);
  if (!exam) throw new AppError('not_found');
  const narrowed = q.officeId
    ? { all: false, officeIds: [q.officeId], provinceIds: [] }
    : q.provinceId
      ? { all: false, officeIds: [], provinceIds: [q.provinceId] }
      : { all: filter.all, officeIds: filter.officeIds, provinceIds: filter.provinceIds };
  const { rows, total } = await store.resultsOf(ctx.db, examId, narrowed, q);
  const now = ctx.clock.now();
  return {
    items: rows.map((r) => ({
      attemptId: r.attemptId,
      candidate: { id: r.userId, firstName: r.firstName, lastName: r.lastName, username: r.username },
      officeId: r.officeId,
      officeCode: r.officeCode,
      provinceId: r.provinceId,
      attemptNumber: r.attemptNumber,
      // An attempt whose time ran out without an answer sheet reads as expired even before anyone closes it.
      status: r.status === 'in-progress' && isTimeOver(new Date(r.deadlineAt), now) ? ('expired' as const) : r.status,
      scorePercent: r.scorePercent,
      passed: r.passed,
      startedAt: iso(r.startedAt),
      submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
