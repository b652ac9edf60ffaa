/** Assertions on RFC 9457 problem+json answers: the shape every error of the API must have. */
import { expect } from 'vitest';
import type { Response } from 'light-my-request';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  message: { fa: string; en: string };
  errors?: { field: string; code: string; message: { fa: string; en: string } }[];
  [extra: string]: unknown;
}

const PERSIAN_LETTERS = /[\u0600-\u06FF]/;
/** A stack frame as V8 prints it, or a source location. */
const STACK_TRACE = /\bat\s+\S+\s+\(|\bat\s+\/|node:internal|\.(ts|js|mjs):\d+:\d+/;

/** Whether an answer's body shows a stack trace or a source location. */
export function hasStackTrace(body: string): boolean {
  return STACK_TRACE.test(body) || /"stack"\s*:/.test(body);
}

/** No answer, error or not, may reveal a stack trace or a source location. */
export function expectNoStackTrace(res: Response): void {
  expect(res.body, `stack trace in ${res.statusCode} answer`).not.toMatch(STACK_TRACE);
  expect(res.body).not.toMatch(/"stack"\s*:/);
}

/** The answer is problem+json with this status and code and messages in Persian and English. */
export function expectProblem(res: Response, status: number, code?: string): ProblemBody {
  const label = `${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, label).toBe(status);
  expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body.status, label).toBe(status);
  if (code) expect(body.code, label).toBe(code);
  expect(body.code, label).toMatch(/^[a-z_]+$/);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(body.message?.fa, label).toMatch(PERSIAN_LETTERS);
  expect(body.message?.en, label).toMatch(/[A-Za-z]/);
  for (const e of body.errors ?? []) {
    expect(e.message.fa, `field ${e.field}`).toMatch(PERSIAN_LETTERS);
    expect(e.message.en, `field ${e.field}`).toMatch(/[A-Za-z]/);
  }
  expectNoStackTrace(res);
  return body;
}

/** The field errors of a validation problem, by field name. */
export function fieldErrors(body: ProblemBody): Record<string, { code: string; message: { fa: string; en: string } }> {
  return Object.fromEntries((body.errors ?? []).map((e) => [e.field, { code: e.code, message: e.message }]));
}
