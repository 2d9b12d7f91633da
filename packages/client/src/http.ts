/** The fields of a failure status, before the call adds its endpoint, time and stage. */
export interface Failure {
  message: string;
  title?: string;
  duration?: number | null;
  visible?: boolean;
  code?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a response body as JSON, falling back to its text (or `undefined` if unreadable). */
export async function readBody(res: Response): Promise<unknown> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    return undefined;
  }
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The failure for an app error payload (`{error, title?, duration?, visible?}`, PROTOCOL.md §3.7):
 * the message is `error`, or `"An error occurred"` when the app hides the details.
 */
export function appError(output: Record<string, unknown>, fallbackTitle?: unknown): Failure {
  const error = output["error"];
  const failure: Failure = {
    message: error == null ? "An error occurred" : typeof error === "string" ? error : safeJson(error),
    title: typeof output["title"] === "string" ? output["title"] : typeof fallbackTitle === "string" ? fallbackTitle : "Error",
  };
  const duration = output["duration"];
  if (typeof duration === "number" || duration === null) failure.duration = duration;
  if (typeof output["visible"] === "boolean") failure.visible = output["visible"];
  return failure;
}

/**
 * The failure for a non-2xx answer to `queue/join`, `run/…` or another API request
 * (PROTOCOL.md §3.1, §4.1, §6.4): an app error payload keeps its message and title; otherwise
 * the message comes from `detail` (or `error`), with a code for queue-full (503) and
 * validation (422) answers.
 */
export function httpFailure(res: Response, body: unknown): Failure {
  const status = res.status;
  if (isRecord(body) && "error" in body && !("detail" in body)) {
    const failure = appError(body);
    if (status < 500) failure.code = "http_error";
    return failure;
  }
  const detail = isRecord(body) ? body["detail"] : undefined;
  if (status === 422) {
    return { message: validationMessage(detail ?? body), code: "validation_error" };
  }
  if (status === 503) {
    return {
      message: typeof detail === "string" && detail !== "" ? detail : "This application is currently busy: its queue is full. Try again later.",
      code: "queue_full",
    };
  }
  if (status === 401) {
    const message = isRecord(detail)
      ? (stringOr(detail["auth_message"]) ?? stringOr(detail["error"]))
      : stringOr(detail);
    return { message: message ?? "Not authenticated: log in to use this app.", code: "http_error" };
  }
  const message =
    stringOr(detail) ??
    (detail !== undefined && detail !== null ? safeJson(detail) : undefined) ??
    (isRecord(body) ? stringOr(body["error"]) : undefined) ??
    (typeof body === "string" && body.length > 0 && body.length <= 500 ? body : undefined) ??
    `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ""}`;
  return { message, code: "http_error" };
}

/** Joins the messages of a 422 `detail` list (Gradio validators or FastAPI's own errors). */
function validationMessage(detail: unknown): string {
  if (Array.isArray(detail)) {
    const parts = detail.filter((item) => !(isRecord(item) && item["is_valid"] === true)).map((item) => {
      if (!isRecord(item)) return String(item);
      const text = stringOr(item["message"]) ?? stringOr(item["msg"]) ?? safeJson(item);
      const name = stringOr(item["parameter_name"]);
      return name ? `${name}: ${text}` : text;
    });
    if (parts.length > 0) return parts.join("; ");
  }
  if (typeof detail === "string" && detail !== "") return detail;
  return "The server rejected the input as invalid.";
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A short description of a thrown value, for messages. */
export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message && cause.message !== err.message
      ? `${err.message} (${cause.message})`
      : err.message;
  }
  return String(err);
}
