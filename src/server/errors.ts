/**
 * Errors with a meaning on the wire. Thrown inside `respond`/`action`, the two stream errors become `error`
 * events (CHATKIT.md §3.6); anything else thrown there becomes a generic retryable `stream.error`. `HttpError`
 * and `NotFoundError` shape JSON responses.
 */

/** An error whose message the user sees as is (`{type:'error', code:'custom', message, allow_retry}`). */
export class CustomStreamError extends Error {
  /** Whether the client offers a retry button. */
  readonly allowRetry: boolean;
  constructor(message: string, allowRetry = false) {
    super(message);
    this.name = 'CustomStreamError';
    this.allowRetry = allowRetry;
  }
}

/** An error the client shows with its localized message for `code` (`stream.error` is the only code today). */
export class StreamError extends Error {
  /** The error code sent to the client. */
  readonly code: string;
  /** Whether the client offers a retry button; `stream.error` defaults to true, other codes to false. */
  readonly allowRetry: boolean;
  constructor(code = 'stream.error', allowRetry?: boolean) {
    super(`stream error: ${code}`);
    this.name = 'StreamError';
    this.code = code;
    this.allowRetry = allowRetry ?? code === 'stream.error';
  }
}

/** A thread, item or attachment that does not exist (404 on JSON requests, an empty stream on streaming ones). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A JSON error response: `{error: {code, message}}` with an HTTP status. */
export class HttpError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** A stable, machine-readable code (`invalid_request`, `not_found`, `payload_too_large`, …). */
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

/** The body of every JSON error response. */
export type ErrorBody = { error: { code: string; message: string } };

/** Builds the body of a JSON error response. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
