/**
 * The one way the web app talks to the server: same-origin JSON under /api, the session in an
 * httpOnly cookie, and the CSRF double-submit header on every non-GET request. Errors arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`.
 */

export interface LocalizedText {
  fa: string;
  en: string;
}

export interface ProblemFieldError {
  field: string;
  code: string;
  message: LocalizedText;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  message?: LocalizedText;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.message?.en ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const CSRF_COOKIE = 'daftar_csrf';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, params?: QueryParams): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  params?: QueryParams;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.params), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: {
        fa: 'ارتباط با سرور برقرار نشد. اتصال شبکه را بررسی کنید.',
        en: 'Could not reach the server. Check your network connection.',
      },
    });
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let data: unknown ;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const problem =
      data && typeof data === 'object' && 'code' in data
        ? ({ ...(data as Problem), status: (data as Problem).status ?? response.status })
        : ({
            status: response.status,
            code: 'http_error',
            title: response.statusText,
            message: {
              fa: `خطای سرور (${response.status})`,
              en: `Server error (${response.status})`,
            },
          } satisfies Problem);
    throw new ApiError(problem);
  }

  return data as T;
}

/** Field errors of a problem keyed by field name, in the reader's language. */
export function fieldErrorsOf(error: unknown, lang: 'fa' | 'en'): Record<string, string> {
  if (!isApiError(error) || !error.problem.errors) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors) {
    if (!out[e.field]) out[e.field] = e.message?.[lang] ?? e.message?.fa ?? e.code;
  }
  return out;
}
