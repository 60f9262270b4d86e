/** Why a request failed: the server answered with an error, or no usable answer came back. */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'invalid-response';

/** Every Client API failure: `status` is 0 when no HTTP answer arrived; `body` is the raw text. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: string;
  readonly kind: ApiErrorKind;
  /** From a `Retry-After` header, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(kind: ApiErrorKind, status: number, body: string, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retryAfterMs = retryAfterMs;
  }

  /**
   * The server may have acted on the request although no usable success came back (RELIABILITY.md §2.3): no
   * answer, a gateway's error, or a success whose body cannot be read.
   */
  get ambiguous(): boolean {
    return ['network', 'timeout', 'invalid-response'].includes(this.kind) || [502, 503, 504].includes(this.status);
  }

  /** Worth sending again later, unchanged. */
  get retryable(): boolean {
    return this.ambiguous || this.status === 429 || this.status === 408 || this.status >= 500;
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  /** The `message` (422) or `error` field of a JSON error body, when there is one. */
  get serverMessage(): string | undefined {
    try {
      const parsed = JSON.parse(this.body) as { message?: unknown; error?: unknown };
      const text = parsed.message ?? parsed.error;
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  }

  /** The attributes a 422 names (`{"message": …, "attributes": ["email"]}`). */
  get attributes(): string[] {
    try {
      const parsed = JSON.parse(this.body) as { attributes?: unknown };
      return Array.isArray(parsed.attributes) ? parsed.attributes.filter((item) => typeof item === 'string') : [];
    } catch {
      return [];
    }
  }
}

/** A success whose body is not what the route returns (the server may well have acted on it: `ambiguous`). */
export function unreadableAnswer(message: string): ApiError {
  return new ApiError('invalid-response', 200, '', message);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A ChatError the contact can read, from whatever went wrong. */
export function describeError(error: unknown, baseUrl: string): { code: string; message: string } {
  if (error instanceof ApiError) {
    if (error.kind === 'network' || error.kind === 'timeout') {
      return { code: 'network', message: `Cannot reach Chatwoot at ${baseUrl}` };
    }
    if (error.status === 404) return { code: 'not-found', message: 'This inbox was not found: check base-url and inbox' };
    if (error.status === 500 && /contacts/.test(error.message)) {
      return { code: 'identity', message: 'Chatwoot refused the visitor\'s identity (identifier-hash)' };
    }
    return { code: `http-${error.status || error.kind}`, message: error.serverMessage ?? error.message };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
