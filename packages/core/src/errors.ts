const userErrorBrand = Symbol.for("vitrine.user-error");

/** Options shared by the messages a function can show in the browser. */
export interface MessageOptions {
  /** Seconds the toast stays up; `null` keeps it until closed. Default 10. */
  duration?: number | null;
  /** Whether the toast is shown at all. Default true. */
  visible?: boolean;
  /** Title of the toast. Default "Error". */
  title?: string;
}

/**
 * An error whose message reaches the user: throw it from an event function and the
 * browser shows it, and API clients reject with it. Any other throw is logged on the
 * server and reported without its details.
 *
 * @example throw new vt.Error("Cannot divide by zero");
 */
export class VitrineError extends globalThis.Error {
  /** Marks the error as meant for the user, across copies of this package. */
  readonly [userErrorBrand] = true;
  /** Seconds the browser shows the error toast; null keeps it until closed. */
  readonly duration: number | null;
  /** Whether the browser shows a toast for it. */
  readonly visible: boolean;
  /** Title of the toast. */
  readonly title: string;

  constructor(message: string, options: MessageOptions = {}) {
    super(message);
    this.name = "VitrineError";
    this.duration = options.duration === undefined ? 10 : options.duration;
    this.visible = options.visible ?? true;
    this.title = options.title ?? "Error";
  }
}

/** True for errors meant to be shown to the user (see {@link VitrineError}). */
export function isUserError(err: unknown): err is VitrineError {
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[userErrorBrand] === true;
}
