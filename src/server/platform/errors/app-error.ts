import { ERROR_CATALOG, FIELD_MESSAGES, type ErrorCode, type FieldMessageCode } from './catalog';

export interface FieldError {
  field: string;
  code: FieldMessageCode;
  message: { fa: string; en: string };
}

/** The one error type services throw. The edge turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: {
      detail?: string;
      fields?: FieldError[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ?? ERROR_CATALOG[code].en);
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

export function fieldError(field: string, code: FieldMessageCode): FieldError {
  return { field, code, message: FIELD_MESSAGES[code] };
}

/** Shorthand for a validation failure on one field, thrown from services after schema checks. */
export function invalidField(field: string, code: FieldMessageCode): AppError {
  return new AppError('validation_failed', { fields: [fieldError(field, code)] });
}
