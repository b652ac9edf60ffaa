/** HTTP routes of the question bank, exams, attempts and results: each endpoint of its contract, a use case called. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { examsContract } from '#server/modules/operators/contract';
import * as exams from './service';

export function examRoutes(app: Api, ctx: AppContext) {
  implement(app, examsContract, {
    questions: ({ actor, params, query }) => exams.listQuestions(ctx, actor, params.id, query),
    addQuestion: ({ actor, params, body }) => exams.addQuestion(ctx, actor, params.id, body),
    updateQuestion: ({ actor, params, body }) => exams.updateQuestion(ctx, actor, params.id, body),
    deactivateQuestion: ({ actor, params }) => exams.deactivateQuestion(ctx, actor, params.id),
    exams: ({ actor, query }) => exams.listExams(ctx, actor, query),
    createExam: ({ actor, params, body }) => exams.createExam(ctx, actor, params.id, body),
    updateExam: ({ actor, params, body }) => exams.updateExam(ctx, actor, params.id, body),
    startAttempt: ({ actor, params }) => exams.startAttempt(ctx, actor, params.id),
    attempt: ({ actor, params }) => exams.getAttempt(ctx, actor, params.id),
    submitAttempt: ({ actor, params, body }) => exams.submitAttempt(ctx, actor, params.id, body),
    examResults: ({ actor, params, query }) => exams.examResults(ctx, actor, params.id, query),
  });
}
