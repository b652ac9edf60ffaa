/** Authorization matrix rows of the training and exams operations (see ../matrix.int.test.ts for how cells are read). */
import { A, D, F, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

export function trainingRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);
  const idOf = async (username: string) =>
    Number((await q<{ id: number }>('select id from users where username = $1', [username]))[0].id);

  let seq = 0;
  /** A course of its own with a bank of three questions, made straight in the database. */
  async function course(): Promise<{ id: number; code: string; questions: number[] }> {
    seq++;
    const [c] = await q<{ id: number }>(
      `insert into courses (code, title_fa, title_en, kind, service_codes, hours)
      values ($1, 'دورهٔ ماتریس', 'Matrix course', 'continuing', '[]'::jsonb, 8) returning id`,
      [`MXT-${seq}`],
    );
    const questions: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await q<{ id: number }>(
        `insert into exam_questions (course_id, text_fa, options, correct_index)
        values ($1, 'سؤال ماتریس', '["الف", "ب"]'::jsonb, 0) returning id`,
        [c.id],
      );
      questions.push(Number(row.id));
    }
    return { id: Number(c.id), code: `MXT-${seq}`, questions };
  }
  let shared: ReturnType<typeof course> | undefined;
  const sharedCourse = () => (shared ??= course());

  async function exam(courseId: number): Promise<number> {
    const [row] = await q<{ id: number }>(
      `insert into exams (course_id, title_fa, question_count, duration_minutes, pass_percent, max_attempts)
      values ($1, 'آزمون ماتریس', 2, 20, 50, 10) returning id`,
      [courseId],
    );
    return Number(row.id);
  }
  let sharedExamId: Promise<number> | undefined;
  const sharedExam = () => (sharedExamId ??= sharedCourse().then((c) => exam(c.id)));

  /** A Tehran session of its own, starting in ten days (or already started), with these people enrolled. */
  async function session(enrolled: string[] = [], started = false): Promise<number> {
    const { id: courseId } = await sharedCourse();
    const [s] = await q<{ id: number }>(
      `insert into course_sessions (course_id, province_id, starts_on, ends_on, capacity, location)
      values ($1, 1, $3::date + $2::int, $3::date + $2::int + 1, 100, 'تهران') returning id`,
      [courseId, started ? -3 : 10, ctx.t.today()],
    );
    for (const username of enrolled)
      await q('insert into session_enrolments (session_id, user_id) values ($1, $2)', [s.id, await idOf(username)]);
    return Number(s.id);
  }

  /** An attempt of operator.11001 running on an exam of its own. */
  async function runningAttempt(): Promise<number> {
    const c = await course();
    const examId = await exam(c.id);
    const [row] = await q<{ id: number }>(
      `insert into exam_attempts (exam_id, user_id, attempt_number, question_ids, deadline_at)
      values ($1, $2, 1, $3::jsonb, $4::timestamptz + interval '1 hour') returning id`,
      [examId, await idOf('operator.11001'), JSON.stringify(c.questions.slice(0, 2)), ctx.t.now()],
    );
    return Number(row.id);
  }
  let readAttempt: Promise<number> | undefined;
  let submitAttempt: Promise<number> | undefined;

  const courseBody = (code: string) => ({
    code,
    titleFa: 'دورهٔ ماتریس',
    titleEn: 'Matrix course',
    kind: 'continuing',
    serviceCodes: [],
    hours: 8,
  });
  const questionBody = { textFa: 'سؤال ماتریس', options: ['الف', 'ب', 'ج'], correctIndex: 1 };
  const examBody = { titleFa: 'آزمون ماتریس', questionCount: 2, durationMinutes: 20, passPercent: 50, maxAttempts: 3 };

  return {
    [op('operators.courses')]: {
      note: 'the course catalog',
      request: () => ({ method: 'GET', url: '/api/v1/training/courses' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, ok, ok, ok, ok, D, D, D, ok, D, ok],
    },
    [op('operators.createCourse')]: {
      note: 'add a course to the national catalog',
      request: (_a, i) => ({ method: 'POST', url: '/api/v1/training/courses', body: courseBody(`MXN-${i}`) }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.updateCourse')]: {
      note: 'edit a course of the national catalog',
      request: async () => {
        const c = await sharedCourse();
        return { method: 'PUT', url: `/api/v1/training/courses/${c.id}`, body: courseBody(c.code) };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.sessions')]: {
      note: 'course sessions',
      request: () => ({ method: 'GET', url: '/api/v1/training/sessions?upcoming=true' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, ok, ok, ok, ok, D, D, D, ok, D, ok],
    },
    [op('operators.session')]: {
      note: "a Tehran session (enrolments filtered to the caller's oversight)",
      request: async () => ({ method: 'GET', url: `/api/v1/training/sessions/${await session(['operator.11001'])}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, F, ok, F, ok, ok, F, ok, D, D, D, ok, D, ok],
    },
    [op('operators.createSession')]: {
      note: 'schedule a session in Tehran',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/training/sessions',
        body: {
          courseId: (await sharedCourse()).id,
          provinceId: 1,
          startsOn: '1406-01-20',
          endsOn: '1406-01-21',
          capacity: 30,
          location: 'تهران',
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('operators.enrol')]: {
      note: 'enrol oneself in a fresh Tehran session (association admins are not office staff: refused on the merits)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/training/sessions/${await session()}/enrolments`,
        body: {},
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, A, A, A, D, D, D, D, ok, D, D],
    },
    [op('operators.cancelEnrolment')]: {
      note: "cancel operator.11001's enrolment (office 11001, Tehran) in a fresh session",
      request: async () => ({
        method: 'DELETE',
        url: `/api/v1/training/sessions/${await session(['operator.11001'])}/enrolments/${await idOf('operator.11001')}`,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('operators.recordAttendance')]: {
      note: 'record attendance of a started Tehran session',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/training/sessions/${await session(['operator.11001'], true)}/attendance`,
        body: { entries: [{ userId: await idOf('operator.11001'), status: 'attended', hours: 8 }] },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('operators.myTraining')]: {
      note: "one's own training (office staff only)",
      request: () => ({ method: 'GET', url: '/api/v1/training/me' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('operators.questions')]: {
      note: "a course's question bank with the answers",
      request: async () => ({ method: 'GET', url: `/api/v1/training/courses/${(await sharedCourse()).id}/questions` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.addQuestion')]: {
      note: 'add a bank question',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/training/courses/${(await sharedCourse()).id}/questions`,
        body: questionBody,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.updateQuestion')]: {
      note: 'edit a bank question never drawn (of a course of its own)',
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/training/questions/${(await course()).questions[0]}`,
        body: questionBody,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.deactivateQuestion')]: {
      note: 'deactivate a bank question (of a course of its own)',
      request: async () => ({ method: 'DELETE', url: `/api/v1/training/questions/${(await course()).questions[0]}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.exams')]: {
      note: "exams with the caller's own standing",
      request: () => ({ method: 'GET', url: '/api/v1/training/exams' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, ok, ok, ok, ok, D, D, D, ok, D, ok],
    },
    [op('operators.createExam')]: {
      note: "create a course's exam",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/training/courses/${(await sharedCourse()).id}/exams`,
        body: examBody,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.updateExam')]: {
      note: 'edit an exam',
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/training/exams/${await sharedExam()}`,
        body: { ...examBody, maxAttempts: 10 },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, D, D, D, D, D, D, D],
    },
    [op('operators.startAttempt')]: {
      note: 'start an attempt (office staff sit exams)',
      request: async () => ({ method: 'POST', url: `/api/v1/training/exams/${await sharedExam()}/attempts` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, ok, ok, ok, ok, D, D, D, D, D, D, D, ok, D, D],
    },
    [op('operators.attempt')]: {
      note: "operator.11001's running attempt (its candidate's alone)",
      request: async () => ({
        method: 'GET',
        url: `/api/v1/training/attempts/${await (readAttempt ??= runningAttempt())}`,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, N, N, N, N, D, D, D, D, D, D, D, N, D, D],
    },
    [op('operators.submitAttempt')]: {
      note: "submit operator.11001's attempt (its candidate's alone)",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/training/attempts/${await (submitAttempt ??= runningAttempt())}/submit`,
        body: { answers: {} },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, ok, N, N, N, N, D, D, D, D, D, D, D, N, D, D],
    },
    [op('operators.examResults')]: {
      note: "an exam's results within the caller's oversight",
      request: async () => {
        const [general] = await q<{ id: number }>(
          "select x.id from exams x join courses c on c.id = x.course_id where c.code = 'GEN-101' order by x.id limit 1",
        );
        return { method: 'GET', url: `/api/v1/training/exams/${general.id}/results?pageSize=200` };
      },
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
  };
}
