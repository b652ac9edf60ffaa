/** Request and response shapes of the question bank, exams, attempts and results, shared with the web. */
import { z } from 'zod';
import { idParam, pageOf, paginationQuery, queryInt, sortQuery } from '#server/platform/http/fields';
import { ATTEMPT_STATUSES } from '#server/modules/operators/values';

export const questionBody = z
  .object({
    textFa: z.string().trim().min(1).max(2000),
    /** 2–6 options, shown in this order; checked for blanks and repeats in the service (so each is named). */
    options: z.array(z.string().trim().max(500)).min(2).max(6),
    /** Index (from 0) of the correct option. */
    correctIndex: z.number().int().min(0).max(99),
    active: z.boolean().default(true),
  })
  .strict();
export type QuestionInput = z.output<typeof questionBody>;

/** A bank question as its keepers see it, with the correct answer. Never sent to a candidate. */
export const questionSchema = z
  .object({
    id: z.number().int(),
    courseId: z.number().int(),
    textFa: z.string(),
    options: z.array(z.string()),
    correctIndex: z.number().int(),
    active: z.boolean(),
    /** How many attempts drew it (such a question stays gradeable after it is deactivated or edited). */
    timesDrawn: z.number().int(),
  })
  .meta({ id: 'BankQuestion' });
export const questionListResponse = z.object({ items: z.array(questionSchema), activeCount: z.number().int() });
export const questionListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const examBody = z
  .object({
    titleFa: z.string().trim().min(1).max(300),
    questionCount: z.number().int().min(1).max(100),
    durationMinutes: z.number().int().min(1).max(240),
    passPercent: z.number().int().min(1).max(100),
    maxAttempts: z.number().int().min(1).max(10),
    active: z.boolean().default(true),
  })
  .strict();
export type ExamInput = z.output<typeof examBody>;

export const examSchema = z
  .object({
    id: z.number().int(),
    course: z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string() }),
    titleFa: z.string(),
    questionCount: z.number().int(),
    durationMinutes: z.number().int(),
    passPercent: z.number().int(),
    maxAttempts: z.number().int(),
    active: z.boolean(),
    /** The caller's own standing (zeros and nulls for those who do not sit exams). */
    mine: z.object({
      attemptsUsed: z.number().int(),
      attemptsLeft: z.number().int(),
      bestScore: z.number().int().nullable(),
      passed: z.boolean(),
      /** An attempt still running (before its deadline), to resume. */
      inProgressAttemptId: z.number().int().nullable(),
    }),
  })
  .meta({ id: 'Exam' });
export const examListResponse = z.object({ items: z.array(examSchema) });
export const examListQuery = z.object({
  courseId: idParam.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const candidateQuestion = z.object({ id: z.number().int(), textFa: z.string(), options: z.array(z.string()) });

export const attemptSchema = z
  .object({
    id: z.number().int(),
    exam: z.object({
      id: z.number().int(),
      titleFa: z.string(),
      passPercent: z.number().int(),
      durationMinutes: z.number().int(),
      courseCode: z.string(),
    }),
    attemptNumber: z.number().int(),
    /** in-progress while time remains; expired once the deadline passed without an answer sheet. */
    status: z.enum(ATTEMPT_STATUSES),
    startedAt: z.string(),
    deadlineAt: z.string(),
    secondsLeft: z.number().int(),
    /** The drawn questions, options in stored order, without the correct answers. */
    questions: z.array(candidateQuestion),
    submittedAt: z.string().nullable(),
    /** After submission: the grade, the answers given and which were right. */
    scorePercent: z.number().int().nullable(),
    passed: z.boolean().nullable(),
    answers: z.record(z.string(), z.number().int()).nullable(),
    correctness: z.record(z.string(), z.boolean()).nullable(),
  })
  .meta({ id: 'ExamAttempt' });

export const submitBody = z
  .object({
    /** The chosen option (from 0) per question id; unanswered questions are left out. */
    answers: z.record(z.string().regex(/^\d+$/), z.number().int().min(0).max(99)),
  })
  .strict();
export type SubmitInput = z.output<typeof submitBody>;

/** The columns an exam's results sort by. */
export const RESULT_SORTS = ['candidate', 'office', 'attempt', 'score', 'result', 'submittedAt'] as const;

export const resultsQuery = z.object({
  officeId: queryInt(1, 1_000_000).optional(),
  provinceId: queryInt(1, 100).optional(),
  /** The latest attempt first unless a column is chosen. */
  sort: sortQuery(RESULT_SORTS),
  ...paginationQuery,
});
export type ResultsQuery = z.output<typeof resultsQuery>;

const resultSchema = z
  .object({
    attemptId: z.number().int(),
    candidate: z.object({
      id: z.number().int(),
      firstName: z.string(),
      lastName: z.string(),
      username: z.string().nullable(),
    }),
    officeId: z.number().int().nullable(),
    officeCode: z.string().nullable(),
    provinceId: z.number().int().nullable(),
    attemptNumber: z.number().int(),
    status: z.enum(ATTEMPT_STATUSES),
    scorePercent: z.number().int().nullable(),
    passed: z.boolean().nullable(),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: 'ExamResult' });
export const resultsPage = pageOf(resultSchema);
