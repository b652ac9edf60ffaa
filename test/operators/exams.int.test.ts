/**
 * Exams: the national question bank, exams drawn at random from it, timed attempts graded
 * automatically with a limited number of tries, and results read within one's oversight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client;
let associationTehran: Client;
let associationIsfahan: Client;
let operator: Client;
let consultant: Client;
let manager: Client;
let otherManager: Client;
let isfahanOperator: Client;

let courseSeq = 0;
beforeAll(async () => {
  t = await startTestServer();
  [association, associationTehran, associationIsfahan, operator, consultant, manager, otherManager, isfahanOperator] =
    await Promise.all(
      [
        'association',
        'association.tehran',
        'association.isfahan',
        'operator.11001',
        'consultant.11001',
        'manager.11001',
        'manager.11002',
        'operator.13001',
      ].map((u) => t.signInStaff(u)),
    );
});
afterAll(async () => {
  await t?.stop();
});

const question = (i: number, correctIndex = i % 4) => ({
  textFa: `سؤال شمارهٔ ${i}: کدام گزینه درست است؟`,
  options: ['گزینهٔ الف', 'گزینهٔ ب', 'گزینهٔ ج', 'گزینهٔ د'],
  correctIndex,
});
const examBody = (over: Record<string, unknown> = {}) => ({
  titleFa: 'آزمون آزمایشی',
  questionCount: 3,
  durationMinutes: 15,
  passPercent: 60,
  maxAttempts: 2,
  ...over,
});

/** A fresh course with `bank` questions in its bank, and (when `exam` is given) an exam over it. */
async function courseWithBank(bank: number, exam?: Record<string, unknown>) {
  courseSeq++;
  const created = await association.post('/api/v1/training/courses', {
    code: `EXM-${courseSeq}`,
    titleFa: `دورهٔ آزمون ${courseSeq}`,
    titleEn: `Exam course ${courseSeq}`,
    kind: 'competency',
    serviceCodes: ['protest'],
    hours: 8,
  });
  expect(created.statusCode, created.body).toBe(201);
  const courseId = created.json().id as number;
  const questionIds: number[] = [];
  for (let i = 0; i < bank; i++) {
    const res = await association.post(`/api/v1/training/courses/${courseId}/questions`, question(i));
    expect(res.statusCode, res.body).toBe(201);
    questionIds.push(res.json().id);
  }
  let examId = 0;
  if (exam) {
    const res = await association.post(`/api/v1/training/courses/${courseId}/exams`, examBody(exam));
    expect(res.statusCode, res.body).toBe(201);
    examId = res.json().id;
  }
  return { courseId, questionIds, examId };
}

async function correctAnswers(questionIds: number[]): Promise<Record<string, number>> {
  const rows = await t.query<{ id: number; correct_index: number }>(
    'select id, correct_index from exam_questions where id = any($1::int[])',
    [questionIds],
  );
  return Object.fromEntries(rows.map((r) => [String(r.id), r.correct_index]));
}

const attemptsOf = async (examId: number) => t.count(`exam_attempts where exam_id = ${examId}`);

describe('the question bank', () => {
  it('the national association adds, lists (with answers), edits and deactivates questions', async () => {
    const { courseId } = await courseWithBank(0);
    const added = await association.post(`/api/v1/training/courses/${courseId}/questions`, question(1, 2));
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ courseId, correctIndex: 2, active: true, options: question(1).options });
    const id = added.json().id;
    const edited = await association.request({
      method: 'PUT',
      url: `/api/v1/training/questions/${id}`,
      body: { ...question(1, 0), textFa: 'متن تازه' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ textFa: 'متن تازه', correctIndex: 0 });
    const listed = await association.get(`/api/v1/training/courses/${courseId}/questions`);
    expect(listed.json()).toMatchObject({ activeCount: 1, items: [{ id, correctIndex: 0 }] });
    const gone = await association.request({ method: 'DELETE', url: `/api/v1/training/questions/${id}` });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().active).toBe(false);
    expect((await association.get(`/api/v1/training/courses/${courseId}/questions`)).json()).toMatchObject({
      activeCount: 0,
      items: [],
    });
    expect(
      (await association.get(`/api/v1/training/courses/${courseId}/questions?includeInactive=true`)).json().items,
    ).toHaveLength(1);
  });

  it('a question whose correct option is out of range is refused by field and nothing is written', async () => {
    const { courseId } = await courseWithBank(0);
    const before = await t.count('exam_questions');
    const res = await association.post(`/api/v1/training/courses/${courseId}/questions`, {
      textFa: 'سؤال',
      options: ['الف', 'ب', 'ج'],
      correctIndex: 3,
    });
    expect(fieldErrors(expectProblem(res, 400, 'validation_failed')).correctIndex.code).toBe(
      'correct_option_out_of_range',
    );
    expect(await t.count('exam_questions')).toBe(before);
  });

  it('options must be 2–6, non-blank and distinct, each problem named by its field', async () => {
    const { courseId } = await courseWithBank(0);
    const before = await t.count('exam_questions');
    const one = await association.post(`/api/v1/training/courses/${courseId}/questions`, {
      textFa: 'سؤال',
      options: ['تنها'],
      correctIndex: 0,
    });
    expect(fieldErrors(expectProblem(one, 400, 'validation_failed')).options).toBeDefined();
    const seven = await association.post(`/api/v1/training/courses/${courseId}/questions`, {
      textFa: 'سؤال',
      options: ['1', '2', '3', '4', '5', '6', '7'],
      correctIndex: 0,
    });
    expect(fieldErrors(expectProblem(seven, 400, 'validation_failed')).options).toBeDefined();
    const repeated = await association.post(`/api/v1/training/courses/${courseId}/questions`, {
      textFa: 'سؤال',
      options: ['الف', 'ب', ' الف '],
      correctIndex: 0,
    });
    expect(fieldErrors(expectProblem(repeated, 400, 'validation_failed'))['options.2'].code).toBe('duplicate_options');
    const blank = await association.post(`/api/v1/training/courses/${courseId}/questions`, {
      textFa: 'سؤال',
      options: ['الف', '  '],
      correctIndex: 0,
    });
    expect(fieldErrors(expectProblem(blank, 400, 'validation_failed'))['options.1'].code).toBe('duplicate_options');
    expect(await t.count('exam_questions')).toBe(before);
  });

  it('the bank is national: a province association, office staff and a course that does not exist are refused', async () => {
    const { courseId } = await courseWithBank(0);
    expectProblem(
      await associationTehran.post(`/api/v1/training/courses/${courseId}/questions`, question(1)),
      403,
      'forbidden',
    );
    expectProblem(await associationTehran.get(`/api/v1/training/courses/${courseId}/questions`), 403, 'forbidden');
    expectProblem(await operator.get(`/api/v1/training/courses/${courseId}/questions`), 403, 'forbidden');
    expectProblem(await association.post('/api/v1/training/courses/999999/questions', question(1)), 404, 'not_found');
    expect(await t.count(`exam_questions where course_id = ${courseId}`)).toBe(0);
  });
});

describe('exams', () => {
  it('an exam that draws more questions than the active bank holds is refused (question_bank_too_small) and nothing is written', async () => {
    const { courseId, questionIds } = await courseWithBank(3);
    await association.request({ method: 'DELETE', url: `/api/v1/training/questions/${questionIds[0]}` });
    const before = await t.count('exams');
    const res = await association.post(`/api/v1/training/courses/${courseId}/exams`, examBody({ questionCount: 3 }));
    const body = expectProblem(res, 422, 'question_bank_too_small');
    expect(body).toMatchObject({ available: 2, questionCount: 3 });
    expect(await t.count('exams')).toBe(before);
    // An inactive (draft) exam may be prepared before the bank is full.
    expect(
      (
        await association.post(
          `/api/v1/training/courses/${courseId}/exams`,
          examBody({ questionCount: 3, active: false }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('exam settings out of range are refused by field', async () => {
    const { courseId } = await courseWithBank(3);
    const res = await association.post(
      `/api/v1/training/courses/${courseId}/exams`,
      examBody({ questionCount: 0, durationMinutes: 241, passPercent: 101, maxAttempts: 11 }),
    );
    const errors = fieldErrors(expectProblem(res, 400, 'validation_failed'));
    expect(Object.keys(errors).sort()).toEqual(['durationMinutes', 'maxAttempts', 'passPercent', 'questionCount']);
    expect(await t.count(`exams where course_id = ${courseId}`)).toBe(0);
  });

  it('editing an exam checks the bank again; a province association cannot create or edit exams', async () => {
    const { courseId, examId } = await courseWithBank(3, { questionCount: 2 });
    expectProblem(
      await association.request({
        method: 'PUT',
        url: `/api/v1/training/exams/${examId}`,
        body: examBody({ questionCount: 4 }),
      }),
      422,
      'question_bank_too_small',
    );
    expect(
      (await t.query<{ question_count: number }>('select question_count from exams where id = $1', [examId]))[0]
        .question_count,
    ).toBe(2);
    const ok = await association.request({
      method: 'PUT',
      url: `/api/v1/training/exams/${examId}`,
      body: examBody({ questionCount: 3, titleFa: 'آزمون ویرایش‌شده' }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ titleFa: 'آزمون ویرایش‌شده', questionCount: 3 });
    expectProblem(
      await associationTehran.post(`/api/v1/training/courses/${courseId}/exams`, examBody()),
      403,
      'forbidden',
    );
    expectProblem(
      await associationTehran.request({ method: 'PUT', url: `/api/v1/training/exams/${examId}`, body: examBody() }),
      403,
      'forbidden',
    );
  });

  it("the exam list shows the caller's attempts used and left, best score and whether they passed", async () => {
    const res = await operator.get('/api/v1/training/exams');
    expect(res.statusCode, res.body).toBe(200);
    const general = res.json().items.find((e: { course: { code: string } }) => e.course.code === 'GEN-101');
    // The demo data has operator.11001 passing the general exam at the first of three attempts.
    expect(general.mine).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, passed: true, inProgressAttemptId: null });
    expect(general.mine.bestScore).toBeGreaterThanOrEqual(70);
    const fresh = (await consultant.get('/api/v1/training/exams'))
      .json()
      .items.find((e: { course: { code: string } }) => e.course.code === 'GEN-101');
    expect(fresh.mine).toMatchObject({ attemptsUsed: 0, attemptsLeft: 3, bestScore: null, passed: false });
  });
});

describe('attempts', () => {
  it('starting draws distinct questions from the active bank and never sends the correct answers', async () => {
    const { examId, questionIds } = await courseWithBank(6, { questionCount: 4, durationMinutes: 10 });
    const res = await consultant.post(`/api/v1/training/exams/${examId}/attempts`);
    expect(res.statusCode, res.body).toBe(201);
    const attempt = res.json();
    expect(res.body).not.toMatch(/correctIndex|correct_index/);
    expect(attempt.questions).toHaveLength(4);
    expect(new Set(attempt.questions.map((q: { id: number }) => q.id)).size).toBe(4);
    for (const q of attempt.questions) {
      expect(questionIds).toContain(q.id);
      expect(Object.keys(q).sort()).toEqual(['id', 'options', 'textFa']);
      expect(q.options).toEqual(question(0).options);
    }
    expect(attempt).toMatchObject({
      status: 'in-progress',
      attemptNumber: 1,
      scorePercent: null,
      passed: null,
      answers: null,
      correctness: null,
    });
    expect(attempt.secondsLeft).toBeGreaterThan(590);
    expect(attempt.secondsLeft).toBeLessThanOrEqual(600);
    expect(Date.parse(attempt.deadlineAt) - Date.parse(attempt.startedAt)).toBe(600_000);
    // Resuming shows the same questions, still without answers.
    const resumed = await consultant.get(`/api/v1/training/attempts/${attempt.id}`);
    expect(resumed.body).not.toMatch(/correctIndex|correct_index/);
    expect(resumed.json().questions).toEqual(attempt.questions);
  });

  it("a second start while one is running is refused with the running attempt's id; nothing is written", async () => {
    const { examId } = await courseWithBank(3, {});
    const first = await consultant.post(`/api/v1/training/exams/${examId}/attempts`);
    expect(first.statusCode).toBe(201);
    const again = expectProblem(
      await consultant.post(`/api/v1/training/exams/${examId}/attempts`),
      409,
      'exam_attempt_in_progress',
    );
    expect(again.attemptId).toBe(first.json().id);
    expect(await attemptsOf(examId)).toBe(1);
    const listed = (await consultant.get('/api/v1/training/exams'))
      .json()
      .items.find((e: { id: number }) => e.id === examId);
    expect(listed.mine).toMatchObject({ attemptsUsed: 1, attemptsLeft: 1, inProgressAttemptId: first.json().id });
  });

  it('all right answers score 100 and pass; the result says which were right; a second submit is refused', async () => {
    const { examId, questionIds } = await courseWithBank(5, { questionCount: 5 });
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    const answers = await correctAnswers(questionIds);
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', scorePercent: 100, passed: true });
    expect(Object.values(res.json().correctness)).toEqual([true, true, true, true, true]);
    const [row] = await t.query<{ status: string; score_percent: number; passed: boolean }>(
      'select status, score_percent, passed from exam_attempts where id = $1',
      [attempt.id],
    );
    expect(row).toEqual({ status: 'submitted', score_percent: 100, passed: true });
    expectProblem(
      await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers: {} }),
      409,
      'exam_attempt_closed',
    );
    const [after] = await t.query<{ score_percent: number }>('select score_percent from exam_attempts where id = $1', [
      attempt.id,
    ]);
    expect(after.score_percent).toBe(100);
    // The submission is in the audit chain.
    expect(await t.count(`audit_events where action = 'exams.attempt.submit' and entity_id = '${attempt.id}'`)).toBe(1);
  });

  it('grades floor(100 × right / drawn) against the pass mark: 2 of 3 right is 66, short of a 67 pass mark', async () => {
    const { examId, questionIds } = await courseWithBank(3, { questionCount: 3, passPercent: 67 });
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    const answers = await correctAnswers(questionIds);
    const wrongId = String(attempt.questions[1].id);
    answers[wrongId] = (answers[wrongId] + 1) % 4;
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers });
    expect(res.json()).toMatchObject({ scorePercent: 66, passed: false });
    expect(res.json().correctness[wrongId]).toBe(false);
    expect(res.json().answers[wrongId]).toBe(answers[wrongId]);
  });

  it('answers to questions not drawn, or options out of range, are refused by field and the attempt stays open', async () => {
    const { examId, questionIds } = await courseWithBank(4, { questionCount: 2 });
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    const drawn = attempt.questions.map((q: { id: number }) => q.id);
    const notDrawn = questionIds.find((id) => !drawn.includes(id))!;
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, {
      answers: { [drawn[0]]: 4, [notDrawn]: 0 },
    });
    const errors = fieldErrors(expectProblem(res, 400, 'validation_failed'));
    expect(errors[`answers.${drawn[0]}`].code).toBe('option_out_of_range');
    expect(errors[`answers.${notDrawn}`].code).toBe('question_not_drawn');
    const [row] = await t.query<{ status: string; answers: unknown; score_percent: number | null }>(
      'select status, answers, score_percent from exam_attempts where id = $1',
      [attempt.id],
    );
    expect(row).toEqual({ status: 'in-progress', answers: null, score_percent: null });
    expectProblem(
      await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers: { [drawn[0]]: -1 } }),
      400,
      'validation_failed',
    );
    expect(
      (await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers: {} })).json(),
    ).toMatchObject({ scorePercent: 0, passed: false });
  });

  it('an answer sheet after the deadline is refused (exam_time_over): the attempt closes as expired with no score and still counts', async () => {
    const { examId, questionIds } = await courseWithBank(3, { maxAttempts: 1 });
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    await t.query("update exam_attempts set deadline_at = $2::timestamptz - interval '10 seconds' where id = $1", [
      attempt.id,
      t.now(),
    ]);
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, {
      answers: await correctAnswers(questionIds),
    });
    expectProblem(res, 409, 'exam_time_over');
    const [row] = await t.query<{
      status: string;
      score_percent: number | null;
      passed: boolean | null;
      answers: unknown;
    }>('select status, score_percent, passed, answers from exam_attempts where id = $1', [attempt.id]);
    expect(row).toEqual({ status: 'expired', score_percent: null, passed: null, answers: null });
    expect((await consultant.get(`/api/v1/training/attempts/${attempt.id}`)).json()).toMatchObject({
      status: 'expired',
      scorePercent: null,
      secondsLeft: 0,
    });
    expectProblem(
      await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers: {} }),
      409,
      'exam_attempt_closed',
    );
    // The expired attempt used the only one allowed.
    expectProblem(await consultant.post(`/api/v1/training/exams/${examId}/attempts`), 409, 'exam_attempts_exhausted');
  });

  it('an answer sheet within the 5-second network grace is still graded', async () => {
    const { examId, questionIds } = await courseWithBank(3, {});
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    await t.query("update exam_attempts set deadline_at = $2::timestamptz - interval '2 seconds' where id = $1", [
      attempt.id,
      t.now(),
    ]);
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, {
      answers: await correctAnswers(questionIds),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().scorePercent).toBe(100);
  });

  it('an attempt over the limit is refused (exam_attempts_exhausted) and nothing is written', async () => {
    const { examId } = await courseWithBank(3, { maxAttempts: 2 });
    for (let i = 0; i < 2; i++) {
      const a = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
      expect(a.attemptNumber).toBe(i + 1);
      await consultant.post(`/api/v1/training/attempts/${a.id}/submit`, { answers: {} });
    }
    expect(await attemptsOf(examId)).toBe(2);
    expectProblem(await consultant.post(`/api/v1/training/exams/${examId}/attempts`), 409, 'exam_attempts_exhausted');
    expect(await attemptsOf(examId)).toBe(2);
    const listed = (await consultant.get('/api/v1/training/exams'))
      .json()
      .items.find((e: { id: number }) => e.id === examId);
    expect(listed.mine).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, bestScore: 0, passed: false });
  });

  it('an unanswered attempt whose time ran out counts when starting the next one, which is then allowed', async () => {
    const { examId } = await courseWithBank(3, { maxAttempts: 2 });
    const first = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    await t.query("update exam_attempts set deadline_at = $2::timestamptz - interval '1 minute' where id = $1", [
      first.id,
      t.now(),
    ]);
    const second = await consultant.post(`/api/v1/training/exams/${examId}/attempts`);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().attemptNumber).toBe(2);
    expect(
      (await t.query<{ status: string }>('select status from exam_attempts where id = $1', [first.id]))[0].status,
    ).toBe('expired');
  });

  it('two answer sheets sent at once grade the attempt once', async () => {
    const { examId, questionIds } = await courseWithBank(3, {});
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    const answers = await correctAnswers(questionIds);
    const results = await Promise.all(
      [1, 2].map(() => consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expectProblem(results.find((r) => r.statusCode === 409)!, 409, 'exam_attempt_closed');
    expect(await t.count(`audit_events where action = 'exams.attempt.submit' and entity_id = '${attempt.id}'`)).toBe(1);
  });

  it('two starts sent at once never exceed the attempts allowed', async () => {
    const { examId } = await courseWithBank(3, { maxAttempts: 1 });
    const results = await Promise.all(
      [1, 2, 3].map(() => consultant.post(`/api/v1/training/exams/${examId}/attempts`)),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect([409]).toContain(r.statusCode);
    expect(await attemptsOf(examId)).toBe(1);
  });

  it('a question deactivated after it was drawn is still shown and graded', async () => {
    const { examId, questionIds } = await courseWithBank(2, { questionCount: 2 });
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    await association.request({ method: 'DELETE', url: `/api/v1/training/questions/${questionIds[0]}` });
    expect((await consultant.get(`/api/v1/training/attempts/${attempt.id}`)).json().questions).toHaveLength(2);
    const res = await consultant.post(`/api/v1/training/attempts/${attempt.id}/submit`, {
      answers: await correctAnswers(questionIds),
    });
    expect(res.json()).toMatchObject({ scorePercent: 100, passed: true });
    const bank = (
      await association.get(
        `/api/v1/training/courses/${(await t.query<{ course_id: number }>('select course_id from exams where id = $1', [examId]))[0].course_id}/questions?includeInactive=true`,
      )
    ).json();
    expect(bank.items.find((q: { id: number }) => q.id === questionIds[0]).timesDrawn).toBe(1);
  });

  it('a question already drawn keeps its options and answer: only its wording may change', async () => {
    const { examId, questionIds } = await courseWithBank(2, { questionCount: 2 });
    await consultant.post(`/api/v1/training/exams/${examId}/attempts`);
    const id = questionIds[0];
    const changed = await association.request({
      method: 'PUT',
      url: `/api/v1/training/questions/${id}`,
      body: question(0, 3),
    });
    expect(fieldErrors(expectProblem(changed, 400, 'validation_failed')).correctIndex.code).toBe(
      'question_already_drawn',
    );
    expect(
      (await t.query<{ correct_index: number }>('select correct_index from exam_questions where id = $1', [id]))[0]
        .correct_index,
    ).toBe(0);
    const reworded = await association.request({
      method: 'PUT',
      url: `/api/v1/training/questions/${id}`,
      body: { ...question(0, 0), textFa: 'متن روشن‌تر همان سؤال' },
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
  });

  it("an attempt is its candidate's alone: others get 404, and only office staff may sit exams", async () => {
    const { examId } = await courseWithBank(3, {});
    const attempt = (await consultant.post(`/api/v1/training/exams/${examId}/attempts`)).json();
    expectProblem(await operator.get(`/api/v1/training/attempts/${attempt.id}`), 404, 'not_found');
    expectProblem(
      await manager.post(`/api/v1/training/attempts/${attempt.id}/submit`, { answers: {} }),
      404,
      'not_found',
    );
    expectProblem(await association.post(`/api/v1/training/exams/${examId}/attempts`), 403, 'forbidden');
    expectProblem(await association.get(`/api/v1/training/attempts/${attempt.id}`), 403, 'forbidden');
    expectProblem(await consultant.post('/api/v1/training/exams/999999/attempts'), 404, 'not_found');
  });
});

describe('results', () => {
  let examId: number;
  beforeAll(async () => {
    ({ examId } = await courseWithBank(3, {}));
    for (const who of [operator, isfahanOperator]) {
      const a = (await who.post(`/api/v1/training/exams/${examId}/attempts`)).json();
      await who.post(`/api/v1/training/attempts/${a.id}/submit`, { answers: {} });
    }
  });
  const candidates = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/training/exams/${examId}/results${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json()
      .items.map((r: { candidate: { username: string } }) => r.candidate.username)
      .sort();
  };

  it('each overseer sees only the candidates of their office or province; the nation sees all', async () => {
    expect(await candidates(manager)).toEqual(['operator.11001']);
    expect(await candidates(otherManager)).toEqual([]);
    expect(await candidates(associationTehran)).toEqual(['operator.11001']);
    expect(await candidates(associationIsfahan)).toEqual(['operator.13001']);
    expect(await candidates(association)).toEqual(['operator.11001', 'operator.13001']);
    const row = (await association.get(`/api/v1/training/exams/${examId}/results`))
      .json()
      .items.find((r: { candidate: { username: string } }) => r.candidate.username === 'operator.11001');
    expect(row).toMatchObject({
      attemptNumber: 1,
      status: 'submitted',
      scorePercent: 0,
      passed: false,
      officeCode: '11001',
      provinceId: 1,
    });
    expect(row.submittedAt).toEqual(expect.any(String));
  });

  it('asking for another office or province is refused with 403, not answered empty', async () => {
    expectProblem(await manager.get(`/api/v1/training/exams/${examId}/results?officeId=2`), 403, 'forbidden');
    expectProblem(
      await associationTehran.get(`/api/v1/training/exams/${examId}/results?provinceId=3`),
      403,
      'forbidden',
    );
    expect(await candidates(association, '?provinceId=3')).toEqual(['operator.13001']);
    expectProblem(await operator.get(`/api/v1/training/exams/${examId}/results`), 403, 'forbidden');
    expectProblem(await association.get('/api/v1/training/exams/999999/results'), 404, 'not_found');
  });
});
