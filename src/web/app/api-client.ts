/**
 * The one way the web app talks to the server: same-origin JSON under /api, the session in an
 * httpOnly cookie, and the CSRF double-submit header on every non-GET request. Errors arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`.
 *
 * `call('area.name', input)` calls an operation defined as a contract on the server: its params,
 * query, headers and body, and its answer, are typed from the contract's zod objects (types only:
 * no server code reaches the bundle); method and path come from endpoints.gen.ts.
 */
import type { Contracts } from '#server/contracts';
import type { ClientInput, EndpointResult } from '#server/platform/http/contract';
import { ENDPOINTS, type OperationId } from './endpoints.gen';

export interface LocalizedText {
  fa: string;
  en: string;
}

interface ProblemFieldError {
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

type QueryParams = Record<
  string,
  string | number | boolean | undefined | null | readonly (string | number | boolean)[]
>;

function withQuery(path: string, params?: QueryParams): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

const NETWORK_ERROR: Problem = {
  status: 0,
  code: 'network_error',
  message: {
    fa: 'ارتباط با سرور برقرار نشد. اتصال شبکه را بررسی کنید.',
    en: 'Could not reach the server. Check your network connection.',
  },
};

/** The problem an error answer carries, or a generic one when it carries none. */
function problemOf(status: number, statusText: string, text: string): ApiError {
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  return new ApiError(
    data && typeof data === 'object' && 'code' in data
      ? { ...(data as Problem), status: (data as Problem).status ?? status }
      : {
          status,
          code: 'http_error',
          title: statusText,
          message: { fa: `خطای سرور (${status})`, en: `Server error (${status})` },
        },
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Headers every request carries; writes add the CSRF token. */
function baseHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  return headers;
}

async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: BodyInit; signal?: AbortSignal },
  as: 'json' | 'blob',
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(NETWORK_ERROR);
  }
  if (!response.ok) throw problemOf(response.status, response.statusText, await response.text());
  if (response.status === 204) return undefined;
  return as === 'blob' ? response.blob() : parseJson(await response.text());
}

/** A request with upload progress (fetch has none): XMLHttpRequest, with the same headers and errors. */
function sendWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body: XMLHttpRequestBodyInit; signal?: AbortSignal },
  onUploadProgress?: (fraction: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(init.headers)) xhr.setRequestHeader(k, v);
    if (onUploadProgress)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onUploadProgress(e.loaded / e.total);
      };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.status === 204 ? undefined : parseJson(xhr.responseText));
      else reject(problemOf(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(NETWORK_ERROR));
    xhr.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(init.body);
  });
}

type EndpointOf<K extends OperationId> = K extends `${infer A}.${infer N}`
  ? A extends keyof Contracts
    ? N extends keyof Contracts[A]['endpoints']
      ? Contracts[A]['endpoints'][N]
      : never
    : never
  : never;

/**
 * A request body as a form sends it: any number in it may be absent, since a number field the
 * person left blank is left out (see `enteredNumber`) and the server's schema answers `required`
 * naming the field, rather than the form making up a 0.
 */
type WithBlankNumbers<T> = T extends number
  ? T | undefined
  : T extends object
    ? { [P in keyof T]: WithBlankNumbers<T[P]> }
    : T;

type WithBlankBody<I> = I extends { body: infer B } ? Omit<I, 'body'> & { body: WithBlankNumbers<B> } : I;

/** What `call` takes for an operation: its params, query, headers, body (and `form` or `file` for uploads). */
export type CallInput<K extends OperationId> = WithBlankBody<ClientInput<EndpointOf<K>>>;
/** What `call` gives back for an operation: its answer as the server sends it. */
export type CallResult<K extends OperationId> = EndpointResult<EndpointOf<K>>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Upload progress, 0 to 1 (sends through XMLHttpRequest). */
  onUploadProgress?: (fraction: number) => void;
}

type AnyInput = {
  params?: Record<string, unknown>;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: unknown;
  form?: FormData;
  file?: Blob;
  mediaType?: string;
};

/** The URL of an operation with its params and query filled in (for links: downloads, reports). */
export function endpointUrl<K extends OperationId>(op: K, input?: Pick<AnyInput, 'params' | 'query'>): string {
  const e = ENDPOINTS[op];
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = input?.params?.[name];
    if (value === undefined || value === null) throw new Error(`${op}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  return withQuery(path, input?.query);
}

/** Calls an operation defined as a contract: `call('offices.get', { params: { id } })`. */
export async function call<K extends OperationId>(
  op: K,
  ...[input, options]: object extends CallInput<K>
    ? [input?: CallInput<K>, options?: CallOptions]
    : [input: CallInput<K>, options?: CallOptions]
): Promise<CallResult<K>> {
  const e: { method: string; upload?: string; produces?: string } = ENDPOINTS[op];
  const i = (input ?? {}) as AnyInput;
  const url = endpointUrl(op, i);
  const headers = { ...baseHeaders(e.method), ...i.headers };
  if (e.upload === 'multipart' || e.upload === 'raw') {
    const body = e.upload === 'multipart' ? i.form! : i.file!;
    if (e.upload === 'raw') headers['content-type'] = i.mediaType ?? (i.file?.type || 'application/octet-stream');
    return (await sendWithProgress(
      url,
      { method: e.method, headers, body, signal: options?.signal },
      options?.onUploadProgress,
    )) as CallResult<K>;
  }
  let body: string | undefined;
  if (e.method !== 'GET' && i.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(i.body);
  }
  return (await send(
    url,
    { method: e.method, headers, body, signal: options?.signal },
    e.produces ? 'blob' : 'json',
  )) as CallResult<K>;
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
