/**
 * The issue's browser story, on one server, each person in their own browser: the association
 * creates a course and its exam with a question bank; office 11001's manager registers a new
 * operator; the association enrols the operator and records attendance; the operator passes the
 * exam; the association issues the activity licence in /licences; the operator serves a citizen
 * at the counter; the association suspends the licence with a reason; the operator's next service
 * is refused with the Persian message on screen. Every page is checked with axe-core and
 * photographed (test-results/screenshots/licence-*.png).
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNationalId } from '#core/identifiers';
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
const TODAY = tehranIsoDate(NOW);

const OPERATOR = {
  username: 'operator.new11001',
  password: 'Tazeh-kar-1405',
  firstName: 'نرگس',
  lastName: 'تازه‌کار',
  nationalId: makeNationalId('538912746'),
  mobile: '09124440042',
};
/** The demo citizen served at the counter. */
const CITIZEN = { nationalId: '0499370899', mobile: '09120000001' };
const COURSE = {
  code: 'STS-110',
  titleFa: 'دورهٔ پیگیری و گزارش وضعیت پرونده',
  titleEn: 'Case follow-up and status reports',
};
const QUESTIONS = [
  {
    textFa: 'پیش از گزارش وضعیت پرونده به شهروند چه لازم است؟',
    options: ['رضایت شهروند با کد یکبارمصرف', 'امضای مدیر دفتر', 'هیچ', 'نامهٔ دادگاه'],
    correctIndex: 0,
  },
  {
    textFa: 'رضایت شهروند برای پیگیری چه مدت اعتبار دارد؟',
    options: ['یک سال', 'سی دقیقه', 'یک هفته', 'یک روز'],
    correctIndex: 1,
  },
  {
    textFa: 'کد رضایت به کدام شماره فرستاده می‌شود؟',
    options: ['شمارهٔ همراه ثبت‌شدهٔ شهروند', 'هر شماره‌ای که شهروند بگوید', 'شمارهٔ دفتر', 'شمارهٔ وکیل'],
    correctIndex: 0,
  },
  {
    textFa: 'هزینهٔ پیگیری بر چه اساسی گرفته می‌شود؟',
    options: ['سلیقهٔ دفتر', 'تعرفهٔ مصوب روز', 'مبلغ ثابت ده هزار تومان', 'توافق با شهروند'],
    correctIndex: 1,
  },
];
const SUSPENSION_REASON = 'شکایت شهروند از افشای اطلاعات پرونده در دست بررسی است';

const story = { courseId: 0, examId: 0, sessionId: 0, operatorId: 0, licenceId: 0, licenceNumber: '' };

const { server, people } = serverWithPeople({ now: NOW }, { people: DESKTOP });

/** A call to the API from the person's own browser session (cookie and CSRF header as the web app sends them). */
async function callApi<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const res = await pageRequest(page, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body ?? undefined) as T;
}

const jalaliDay = (iso: string) => formatJalaliIso(isoToJalali(iso));

describe('an operator is trained, licensed, serves, is suspended and is refused', () => {
  let association: Page;
  let manager: Page;
  let operator: Page;
  let broken = false;
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') broken = true;
  });
  beforeEach((ctx) => {
    if (broken) ctx.skip();
  });

  it('the association creates a course that qualifies for follow-ups, its question bank and a timed exam', async () => {
    association = await people.personPage();
    await people.signInAsStaff(association, 'association');
    await association.goto(`${server.url}/training/admin`);
    await association.getByTestId('course-form').waitFor();
    await association.getByTestId('course-code').fill(COURSE.code);
    await association.getByTestId('course-hours').fill('6');
    await association.getByTestId('course-title-fa').fill(COURSE.titleFa);
    await association.getByTestId('course-title-en').fill(COURSE.titleEn);
    for (const service of ['پیگیری (follow-up)', 'گزارش وضعیت پرونده (case-report)']) {
      await association.getByTestId('course-services').click();
      await association.getByRole('option', { name: service, exact: true }).click();
    }
    await association.keyboard.press('Escape');
    await checkpoint(association, 'licence-01-course-form');
    await association.getByTestId('save-course').click();
    await association.getByTestId(`open-course-${COURSE.code}`).click();
    await association.getByTestId('course-admin-page').waitFor();
    story.courseId = Number(/\/training\/courses\/(\d+)/.exec(association.url())![1]);

    for (const [n, q] of QUESTIONS.entries()) {
      // The form is emptied once the previous question is saved: fill it only then.
      await expect.poll(() => association.getByTestId('new-question-text').inputValue()).toBe('');
      await association.getByTestId('new-question-text').fill(q.textFa);
      for (const [i, option] of q.options.entries()) await association.getByTestId(`new-option-${i}`).fill(option);
      await association.getByTestId(`new-correct-${q.correctIndex}`).check();
      await association.getByTestId('add-question').click();
      await expect.poll(() => association.getByTestId('bank-size').innerText()).toContain(toPersianDigits(n + 1));
    }
    await association.getByTestId('exam-title').fill('آزمون پیگیری و گزارش وضعیت');
    await association.getByTestId('exam-question-count').fill('4');
    await association.getByTestId('exam-duration').fill('15');
    await association.getByTestId('exam-pass-percent').fill('75');
    await association.getByTestId('exam-max-attempts').fill('2');
    await association.getByTestId('create-exam').click();
    const examRow = association.getByTestId(/^course-exam-\d+$/);
    await examRow.waitFor();
    story.examId = Number(/course-exam-(\d+)/.exec((await examRow.getAttribute('data-testid'))!)![1]);
    await checkpoint(association, 'licence-02-bank-and-exam');

    // A session of the course tomorrow, online.
    await association.goto(`${server.url}/training/admin`);
    await association.getByTestId('session-form').waitFor();
    await choose(association, 'session-course', `${COURSE.code} — ${COURSE.titleFa}`);
    const tomorrow = toPersianDigits(jalaliDay(addDaysIso(TODAY, 1)).replace(/-/g, '/'));
    await association.getByTestId('session-starts').fill(tomorrow);
    await association.getByTestId('session-ends').fill(tomorrow);
    await association.getByTestId('session-capacity').fill('20');
    await association.getByTestId('session-location').fill('برخط — کلاس مجازی کانون');
    await association.getByTestId('create-session').click();
    await association.getByTestId('session-form').getByRole('status').waitFor();
    const sessions = await callApi<{ items: { id: number; course: { code: string } }[] }>(
      association,
      'GET',
      '/api/v1/training/sessions',
    );
    story.sessionId = sessions.items.find((x) => x.course.code === COURSE.code)!.id;
  });

  it("office 11001's manager registers the new operator", async () => {
    manager = await people.personPage();
    await people.signInAsStaff(manager, 'manager.11001');
    await manager.goto(`${server.url}/users/new`);
    await manager.getByTestId('create-staff-form').waitFor();
    await manager.getByTestId('staff-first-name').fill(OPERATOR.firstName);
    await manager.getByTestId('staff-last-name').fill(OPERATOR.lastName);
    await manager.getByTestId('national-id-input').fill(toPersianDigits(OPERATOR.nationalId));
    await manager.getByTestId('mobile-input').fill(toPersianDigits(OPERATOR.mobile));
    await manager.getByTestId('new-staff-username').fill(OPERATOR.username);
    await manager.getByTestId('new-staff-password').fill(OPERATOR.password);
    await choose(manager, 'staff-role', 'اپراتور');
    await checkpoint(manager, 'licence-03-new-operator');
    await manager.getByTestId('create-staff-submit').click();
    await manager.waitForURL(/\/users$/);
    const found = await callApi<{ items: { id: number; username: string }[] }>(
      manager,
      'GET',
      `/api/v1/users?q=${OPERATOR.username}`,
    );
    story.operatorId = found.items.find((u) => u.username === OPERATOR.username)!.id;
  });

  it('the operator enrols, the association records the attendance, and the operator passes the timed exam', async () => {
    operator = await people.personPage();
    await people.signInAsStaff(operator, OPERATOR.username, OPERATOR.password);
    await operator.goto(`${server.url}/training`);
    await operator.getByTestId(`enrol-${story.sessionId}`).click();
    await expect.poll(() => operator.getByTestId(`session-row-${story.sessionId}`).innerText()).toContain('ثبت‌نام شده');
    await checkpoint(operator, 'licence-04-enrolled');

    await association.reload();
    await association.getByTestId(`roster-${story.sessionId}`).click();
    await association.getByTestId(`roster-row-${story.operatorId}`).waitFor();
    await association.getByTestId('save-attendance').click();
    await association.getByTestId('session-roster').getByRole('status').waitFor();
    await checkpoint(association, 'licence-05-attendance');

    await operator.reload();
    await operator.getByTestId(`start-exam-${story.examId}`).click();
    await operator.waitForURL(/\/exams\/\d+$/);
    await operator.getByTestId('exam-countdown').waitFor();
    for (const q of QUESTIONS) {
      const card = operator.getByTestId(/^question-\d+$/).filter({ hasText: q.textFa });
      await card.locator(`[data-testid$="-${q.correctIndex}"]`).check();
    }
    await checkpoint(operator, 'licence-06-exam');
    await operator.getByTestId('submit-exam').click();
    await operator.getByTestId('confirm-submit-exam').click();
    const result = operator.getByTestId('exam-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('۱۰۰');
    await checkpoint(operator, 'licence-07-exam-passed');
  });

  it("the association issues the licence in /licences: the services the training covers, at the operator's office", async () => {
    await association.goto(`${server.url}/licences`);
    await association.getByTestId('licences-table').waitFor();
    await checkpoint(association, 'licence-08-list');
    await association.getByTestId('licences-issue').click();
    await association.getByTestId('issue-staff-search').fill(toPersianDigits(OPERATOR.nationalId));
    await association.getByTestId('issue-staff-option').first().waitFor();
    await association.getByRole('radio', { name: new RegExp(OPERATOR.username.replace('.', '\\.')) }).check();
    await association.getByTestId('issue-service-follow-up').waitFor();
    // Trained for follow-ups and case reports only: everything else is explained, not offered.
    expect(await association.getByTestId('issue-service-follow-up').isEnabled()).toBe(true);
    expect(await association.getByTestId('issue-service-petition').isDisabled()).toBe(true);
    await association.getByTestId('issue-select-all').click();
    await checkpoint(association, 'licence-09-issue-form');
    await association.getByTestId('issue-submit').click();
    await association.waitForURL(/\/licences\/\d+$/);
    story.licenceId = Number(/\/licences\/(\d+)$/.exec(association.url())![1]);
    await association.getByTestId('licence-card').waitFor();
    expect(await association.getByTestId('licence-status').getAttribute('data-status')).toBe('active');
    expect(await association.getByTestId('licence-services-list').innerText()).toContain('پیگیری');
    await checkpoint(association, 'licence-10-issued');
    // The same page in English.
    await association.getByTestId('lang-toggle').click();
    await expect.poll(() => association.getByTestId('licence-services-list').innerText()).toContain('Follow-up');
    await checkpoint(association, 'licence-10-issued-en');
    await association.getByTestId('lang-toggle').click();
    await expect.poll(() => association.getByTestId('licence-services-list').innerText()).toContain('پیگیری');
  });

  it("the licensed operator serves a citizen at the counter: a follow-up with the citizen's consent", async () => {
    await operator.getByTestId('nav-counter').click();
    await operator.getByTestId('lookup-national-id').fill(toPersianDigits(CITIZEN.nationalId));
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    await choose(operator, 'service-select', 'پیگیری');
    await operator.getByTestId('start-service').click();
    await operator.getByTestId('ask-consent').click();
    await operator.getByTestId('consent-sent').waitFor();
    await operator.getByTestId('consent-code').fill(await server.latestCodeOf(CITIZEN.mobile, 'otp.consent'));
    await operator.getByTestId('confirm-consent').click();
    await operator.getByTestId('status-result').waitFor();
    await checkpoint(operator, 'licence-11-served');
  });

  it('the association suspends the licence with a reason', async () => {
    await association.getByTestId('licence-suspend').click();
    await association.getByTestId('decision-submit').click();
    // No reason: refused next to the field, in Persian.
    await expect
      .poll(() => association.getByTestId('licence-decision-modal').innerText())
      .toContain('دلیل این تصمیم را بنویسید');
    await association.getByTestId('decision-reason').fill(SUSPENSION_REASON);
    await checkpoint(association, 'licence-12-suspend-form');
    await association.getByTestId('decision-submit').click();
    await association.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => association.getByTestId('licence-status').getAttribute('data-status')).toBe('suspended');
    expect(await association.getByTestId('licence-status-reason').innerText()).toBe(SUSPENSION_REASON);
    expect(await association.getByTestId('licence-events').innerText()).toContain(SUSPENSION_REASON);
    await checkpoint(association, 'licence-13-suspended');
  });

  it("the operator's next service is refused with the Persian message on screen", async () => {
    await operator.reload();
    await operator.getByTestId('lookup-national-id').fill(toPersianDigits(CITIZEN.nationalId));
    await operator.getByTestId('lookup-submit').click();
    await operator.getByTestId('citizen-card').waitFor();
    await choose(operator, 'service-select', 'گزارش وضعیت پرونده');
    await operator.getByTestId('start-service').click();
    await operator.getByTestId('ask-consent').click();
    const alert = operator.getByTestId('problem-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('پروانهٔ فعالیت شما معلق شده است');
    // Nothing was sent to the citizen.
    const { rows } = await server.ctx.database.pool.query<{ n: number }>(
      "select count(*)::int as n from notifier_outbox where recipient = $1 and template = 'otp.consent'",
      [CITIZEN.mobile],
    );
    expect(rows[0].n).toBe(1);
    await checkpoint(operator, 'licence-14-refused');
  });

  it('a petition started at the counter is refused too, before anything is stored, with the message on the form', async () => {
    const filingsBefore = (
      await server.ctx.database.pool.query<{ n: number }>('select count(*)::int as n from filings')
    ).rows[0].n;
    await operator.getByTestId('consent-panel').getByRole('button', { name: 'انصراف' }).click();
    await choose(operator, 'service-select', 'ثبت دادخواست');
    await operator.getByTestId('start-service').click();
    await operator.waitForURL(/\/filings\/new\?/);
    await operator.getByTestId('party-0-national-id').fill(CITIZEN.nationalId);
    await operator.getByTestId('party-0-address').fill('تهران، خیابان ولیعصر، پلاک ۱۱۰');
    await operator.getByTestId('party-1-name').fill('بهمن بدهکار');
    await operator.getByTestId('party-1-address').fill('تهران، خیابان آزادی، پلاک ۱');
    await operator.getByTestId('wizard-next').click();
    const alert = operator.getByTestId('problem-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('پروانهٔ فعالیت');
    expect(
      (await server.ctx.database.pool.query<{ n: number }>('select count(*)::int as n from filings')).rows[0].n,
    ).toBe(filingsBefore);
    await checkpoint(operator, 'licence-15-filing-refused');
  });
});
