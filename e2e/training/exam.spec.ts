/**
 * Training and exams in the browser: the national association creates a course, fills its
 * question bank (marking the correct options) and creates an exam over it; operator.11001 starts
 * the exam, answers every question correctly, submits with confirmation and sees that they
 * passed, with each answer marked right. Every page is checked with axe-core and photographed.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { fieldError } from '../support/fields';
import { checkpoint } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');

const COURSE = { code: 'ARB-E2E', titleFa: 'دورهٔ تخصصی داوری', titleEn: 'Arbitration clerk course' };
const QUESTIONS = [
  {
    text: 'مهلت تجدیدنظرخواهی از آرای دادگاه‌های حقوقی برای اشخاص مقیم ایران چند روز است؟',
    options: ['۱۰ روز', '۲۰ روز', '۳۰ روز'],
    correct: 1,
  },
  {
    text: 'ابلاغ الکترونیک در کدام سامانه انجام می‌شود؟',
    options: ['سامانهٔ ثنا', 'سامانهٔ سماح', 'سامانهٔ ثمن'],
    correct: 0,
  },
  {
    text: 'کدام مدرک برای احراز هویت در دفتر پذیرفته است؟',
    options: ['کارت پایان خدمت', 'کارت ملی هوشمند', 'گواهی‌نامهٔ رانندگی'],
    correct: 1,
  },
];
const EXAM_TITLE = 'آزمون دورهٔ تخصصی داوری';

const { server, people } = serverWithPeople({ now: NOW }, { people: { width: 1280, height: 900 } });

describe('a course, its question bank and exam, and an operator passing it', () => {
  let examId = 0;

  it('the national association creates the course in the catalog', async () => {
    const admin = await people.personPage();
    await people.signInAsStaff(admin, 'association');
    await admin.goto(`${server.url}/training/admin`);
    await admin.getByTestId('course-form').waitFor();
    await admin.getByTestId('course-code').fill(COURSE.code);
    await admin.getByTestId('course-title-fa').fill(COURSE.titleFa);
    await admin.getByTestId('course-title-en').fill(COURSE.titleEn);
    await admin.getByTestId('course-services').click();
    await admin.getByRole('option', { name: /protest/ }).click();
    await admin.keyboard.press('Escape');
    // The hours emptied: the server names them as required, in Persian under the field (the
    // browser's own check does not stop the form), and no course is made with 0 hours.
    await admin.getByTestId('course-hours').fill('');
    await admin.getByTestId('save-course').click();
    await expect.poll(() => fieldError(admin, 'course-hours')).toBe('این فیلد الزامی است.');
    expect(await admin.getByTestId(`admin-course-${COURSE.code}`).count()).toBe(0);
    await admin.getByTestId('course-hours').fill('16');
    await admin.getByTestId('save-course').click();
    await admin.getByTestId(`admin-course-${COURSE.code}`).waitFor();
    await checkpoint(admin, 'training-admin');

    await admin.getByTestId(`open-course-${COURSE.code}`).click();
    await admin.getByTestId('question-bank').waitFor();

    for (const [n, q] of QUESTIONS.entries()) {
      // The form is emptied once the previous question is saved: fill it only then.
      await expect.poll(() => admin.getByTestId('new-question-text').inputValue()).toBe('');
      await admin.getByTestId('new-question-text').fill(q.text);
      // The form starts with four options: these questions use three.
      await admin.getByRole('button', { name: 'حذف گزینهٔ ۴' }).click();
      for (const [i, option] of q.options.entries()) await admin.getByTestId(`new-option-${i}`).fill(option);
      await admin.getByTestId(`new-correct-${q.correct}`).check();
      await admin.getByTestId('add-question').click();
      await expect.poll(() => admin.getByTestId('bank-size').innerText()).toContain(toPersianDigits(String(n + 1)));
      await admin.getByTestId(`bank-question-${String(await lastQuestionId())}`).waitFor();
    }
    await expect
      .poll(() => admin.getByTestId('bank-size').innerText())
      .toContain(toPersianDigits(String(QUESTIONS.length)));

    // An exam that draws more questions than the bank holds is refused, in Persian.
    await admin.getByTestId('exam-title').fill(EXAM_TITLE);
    await admin.getByTestId('exam-question-count').fill('5');
    await admin.getByTestId('create-exam').click();
    await expect
      .poll(() => admin.getByTestId('exam-form').innerText())
      .toContain('بانک سؤالات این دوره کمتر از تعداد سؤالات آزمون');

    await admin.getByTestId('exam-question-count').fill('3');
    await admin.getByTestId('exam-duration').fill('15');
    await admin.getByTestId('exam-pass-percent').fill('70');
    await admin.getByTestId('exam-max-attempts').fill('2');
    await admin.getByTestId('create-exam').click();
    await admin.locator('[data-testid^="course-exam-"]').first().waitFor();
    const [exam] = (
      await server.ctx.db.execute(
        sql`select x.id from exams x join courses c on c.id = x.course_id where c.code = ${COURSE.code}`,
      )
    ).rows as { id: number }[];
    examId = Number(exam.id);
    await checkpoint(admin, 'training-course-bank');
  });

  it('operator.11001 starts the exam, answers correctly, confirms and sees that they passed', async () => {
    const operator = await people.personPage();
    await people.signInAsStaff(operator, 'operator.11001');
    await operator.goto(`${server.url}/training`);
    await operator.getByTestId(`start-exam-${examId}`).waitFor();
    await checkpoint(operator, 'training-page');

    await operator.getByTestId(`start-exam-${examId}`).click();
    await operator.getByTestId('exam-countdown').waitFor();
    const attemptId = Number(new URL(operator.url()).pathname.split('/').pop());
    // The correct options, read from the database by the drawn question ids (the page never has them).
    const drawn = (
      await server.ctx.db.execute(sql`select q.id, q.correct_index as correct from exam_attempts a
      cross join lateral jsonb_array_elements(a.question_ids) as d(qid) join exam_questions q on q.id = (d.qid)::int where a.id = ${attemptId}`)
    ).rows as { id: number; correct: number }[];
    expect(drawn).toHaveLength(QUESTIONS.length);
    expect(await operator.content()).not.toContain('correctIndex');
    for (const q of drawn) {
      // Each question is one radio group, named by its number for screen readers.
      await expect.poll(() => operator.getByTestId(`question-${q.id}`).getByRole('radiogroup').count()).toBe(1);
      await operator.getByTestId(`option-${q.id}-${q.correct}`).check();
    }
    // The countdown reads in Persian digits.
    expect(await operator.getByTestId('exam-countdown').innerText()).toMatch(/[۰-۹]{2}:[۰-۹]{2}/);
    await checkpoint(operator, 'training-exam-attempt');

    await operator.getByTestId('submit-exam').click();
    await operator.getByTestId('confirm-submit-exam').click();
    await operator.getByTestId('exam-result').waitFor();
    expect(await operator.getByTestId('exam-result').innerText()).toContain('قبول شدید');
    expect(await operator.getByTestId('exam-result').innerText()).toContain(toPersianDigits('100'));
    for (const q of drawn) expect(await operator.getByTestId(`question-outcome-${q.id}`).innerText()).toBe('پاسخ درست');
    await checkpoint(operator, 'training-exam-passed');

    const [row] = (
      await server.ctx.db.execute(
        sql`select status, score_percent as score, passed from exam_attempts where id = ${attemptId}`,
      )
    ).rows as { status: string; score: number; passed: boolean }[];
    expect(row).toEqual({ status: 'submitted', score: 100, passed: true });

    await operator.goto(`${server.url}/training`);
    await expect.poll(() => operator.getByTestId(`exam-row-${examId}`).innerText()).toContain('قبول');
  });

  it('when the time runs out, the exam page says so and takes no more answers', async () => {
    const consultant = await people.personPage();
    await people.signInAsStaff(consultant, 'consultant.11001');
    await consultant.goto(`${server.url}/training`);
    await consultant.getByTestId(`start-exam-${examId}`).click();
    await consultant.getByTestId('exam-countdown').waitFor();
    const attemptId = Number(new URL(consultant.url()).pathname.split('/').pop());
    await server.ctx.db.execute(
      sql`update exam_attempts set deadline_at = ${server.ctx.clock.now()}::timestamptz - interval '1 minute' where id = ${attemptId}`,
    );
    await consultant.reload();
    await consultant.getByTestId('exam-time-over').waitFor();
    expect(await consultant.getByTestId('exam-time-over').innerText()).toContain('وقت آزمون تمام شد');
    expect(await consultant.getByTestId('submit-exam').count()).toBe(0);
    await checkpoint(consultant, 'training-exam-time-over');
  });

  it("the operator's manager reads the result of their office", async () => {
    const manager = await people.personPage();
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/training`);
    await manager.getByTestId('results-exam').click();
    await manager.getByRole('option', { name: new RegExp(EXAM_TITLE) }).click();
    await expect.poll(() => manager.getByTestId('result-row').count()).toBe(2);
    const rows = await manager.getByTestId('exam-results').innerText();
    expect(rows).toContain('قبول');
    expect(rows).toContain('پایان وقت');
    await checkpoint(manager, 'training-results');

    // The manager enrols one of the office's staff in the upcoming Tehran session of the general course.
    const [session] = (
      await server.ctx.db.execute(sql`select s.id from course_sessions s join courses c on c.id = s.course_id
      where c.code = 'GEN-101' and s.province_id = 1 and s.starts_on > ${tehranIsoDate(server.ctx.clock.now())}::date`)
    ).rows as { id: number }[];
    await manager.getByTestId(`enrol-staff-${session.id}`).click();
    await manager.getByTestId('enrol-staff-select').click();
    await manager.getByRole('option', { name: /consultant\.11001/ }).click();
    await manager.getByTestId('enrol-staff-confirm').click();
    await manager.getByRole('status').filter({ hasText: 'ثبت‌نام انجام شد' }).waitFor();
    const enrolled = (
      await server.ctx.db.execute(sql`select u.username from session_enrolments e join users u on u.id = e.user_id
      where e.session_id = ${session.id} and e.status = 'enrolled'`)
    ).rows as { username: string }[];
    expect(enrolled.map((r) => r.username)).toEqual(['consultant.11001']);
    await checkpoint(manager, 'training-enrol-staff');
  });
});

async function lastQuestionId(): Promise<number> {
  const [row] = (await server.ctx.db.execute(sql`select max(id) as id from exam_questions`)).rows as { id: number }[];
  return Number(row.id);
}
