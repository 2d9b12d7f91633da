import type { StatusMessage } from "./types.js";

/**
 * The error {@link Client.predict} rejects with when a call fails. `message` is the server's
 * error message (`gr.Error("…")` / `vt.Error("…")`), or `"An error occurred"` when the app hides
 * the details; `title`, `duration` and `visible` are copied from the server's error payload.
 */
export class ClientError extends Error {
  /** The error's title, `"Error"` unless the app set one. */
  readonly title?: string;
  /** Seconds the app wants the error shown for; `null` means until dismissed. */
  readonly duration?: number | null;
  /** Whether the app wants the error shown. */
  readonly visible?: boolean;
  /** The reason code of the final status (see {@link StatusMessage.code}), if any. */
  readonly code?: string;
  /** The final status message of the call, when the error came from one. */
  readonly status?: StatusMessage;

  constructor(
    message: string,
    init: {
      title?: string;
      duration?: number | null;
      visible?: boolean;
      code?: string;
      status?: StatusMessage;
      cause?: unknown;
    } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "ClientError";
    if (init.title !== undefined) this.title = init.title;
    if (init.duration !== undefined) this.duration = init.duration;
    if (init.visible !== undefined) this.visible = init.visible;
    if (init.code !== undefined) this.code = init.code;
    if (init.status !== undefined) this.status = init.status;
  }

  /** Builds the error for a final `error` status. */
  static fromStatus(status: StatusMessage): ClientError {
    return new ClientError(status.message ?? "An error occurred", {
      title: status.title,
      duration: status.duration,
      visible: status.visible,
      code: status.code,
      status,
    });
  }
}
