/**
 * The one error type of Kith. Every failure a user can cause is a KithError with a
 * stable code and a category; the category alone decides the HTTP status and the
 * CLI exit code, through the two tables below.
 */
export type ErrorCategory =
  | 'validation'
  | 'not_found'
  | 'ambiguous'
  | 'conflict'
  | 'usage'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class KithError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details: Record<string, unknown> | undefined;

  constructor(category: ErrorCategory, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'KithError';
    this.category = category;
    this.code = code;
    this.details = details;
  }
}

export const httpStatusByCategory = {
  validation: 400,
  usage: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  ambiguous: 409,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCategory, number>;

/** 0 success; 1 a user error; 2 a usage error; 3 Kith itself failed. */
export const exitCodeByCategory = {
  validation: 1,
  not_found: 1,
  ambiguous: 1,
  conflict: 1,
  unauthorized: 1,
  forbidden: 1,
  rate_limited: 1,
  unavailable: 1,
  usage: 2,
  internal: 3,
} as const satisfies Record<ErrorCategory, number>;

export function invalid(field: string, value: unknown, reason: string): KithError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new KithError('validation', 'invalid_' + field.replace(/[^a-z0-9]+/gi, '_').toLowerCase(), `invalid ${field} ${shown}: ${reason}`, {
    field,
    value,
  });
}

export function notFound(what: string, ref: string): KithError {
  return new KithError('not_found', `${what}_not_found`, `no ${what} matches ${JSON.stringify(ref)}`, { ref });
}

/**
 * A failure as the user should hear of it, if it is one they can act on: a KithError,
 * or the database held by another writer for longer than Kith waits for it (SQLite's
 * SQLITE_BUSY: another process importing, say), which passes and is no bug in Kith.
 * Undefined for anything else, which is a bug.
 */
export function asKithError(error: unknown): KithError | undefined {
  if (error instanceof KithError) return error;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new KithError('unavailable', 'database_busy', 'the database is busy with another write (an import, perhaps); try again when it is done');
  }
  return undefined;
}
