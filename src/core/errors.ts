/** Stable error codes: callers branch on `code`, adapters turn it into translated text. */
export type ErrorCode =
  | 'invalid_score'
  /** The workspace's platform lacks the capability asked for (an optional Messenger method it leaves out). */
  | 'unsupported'
  | 'queue_unavailable'
  | 'platform_rate_limited'
  | 'platform_error'
  /** The platform will not let the bot write to this person (Teams 403: blocked or uninstalled). Retrying cannot help. */
  | 'recipient_unreachable'
  /** The check-in DM went out but its message is not recorded yet (the sending worker has not marked it): retry later. */
  | 'delivery_in_flight'
  /** The process is shutting down: the job stopped where it safely could and goes back to the queue as it is. */
  | 'interrupted'
  | 'invalid_input'
  /** The workspace uninstalled the app or revoked its tokens: nothing more is sent there. */
  | 'workspace_uninstalled';

/** An error with a stable machine-readable code and the parameters its message needs. */
export class SymmetryError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'SymmetryError';
  }
}

/** True when `err` is a SymmetryError (optionally with the given code). */
export function isSymmetryError(err: unknown, code?: ErrorCode): err is SymmetryError {
  return err instanceof SymmetryError && (code === undefined || err.code === code);
}
