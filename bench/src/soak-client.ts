/**
 * A call of the soak benchmark's faulty functions (`/boom`, `/hang`, `/slow`): join, read the
 * session's stream to its end, and optionally cancel the event (`POST /gradio_api/cancel`, on a
 * second connection, as the clients do) once it has started. Unlike `runEvent` of
 * protocol-client.ts it accepts any ending: it reports how the event ended.
 */
import { Connection } from "./http1.js";
import type { Target, User } from "./protocol-client.js";

/** How a faulty call ended. */
export type FaultOutcome =
  /** `process_completed` with `success: false` (the function threw). */
  | "error"
  /** `process_completed` with `success: true` (a cancelled event ends this way, with no output). */
  | "completed"
  /** The stream ended, or the call's own time limit passed, without `process_completed`. */
  | "stuck";

/** One faulty call's result. */
export interface FaultCall {
  outcome: FaultOutcome;
  /** `process_generating` messages received. */
  generating: number;
  /** Whether `close_stream` ended the stream. */
  closed: boolean;
  /** A transport or HTTP failure, or null. */
  failure: string | null;
}

/** When to cancel: after `process_starts`, after some delay (ms) or some `process_generating` messages. */
export type CancelWhen = { afterStartMs: number } | { afterGenerating: number };

/**
 * Runs one call of `fnIndex` in `user`'s session, reading until `close_stream`; with `cancel`,
 * cancels it as told. A call still open after `limitMs` is aborted and counted `stuck`.
 */
export async function runFaultCall(target: Target, user: User, fnIndex: number, cancel: CancelWhen | null, limitMs: number): Promise<FaultCall> {
  const result: FaultCall = { outcome: "stuck", generating: 0, closed: false, failure: null };
  const { connection, hash } = user;
  let canceller: Connection | null = null;
  let cancelRequest: Promise<unknown> | null = null;
  let cancelTimer: NodeJS.Timeout | undefined;
  const limit = setTimeout(() => connection.close(), limitMs);
  try {
    const body = JSON.stringify({ data: ["x"], event_data: null, fn_index: fnIndex, trigger_id: null, session_hash: hash });
    const joined = await connection.request("POST", "/gradio_api/queue/join", body);
    if (joined.status !== 200) throw new Error(`join: HTTP ${joined.status} ${joined.body.slice(0, 200)}`);
    const eventId = (JSON.parse(joined.body) as { event_id: string }).event_id;
    let cancelled = false;
    const sendCancel = (): void => {
      if (cancelled) return;
      cancelled = true;
      canceller = new Connection(target.host, target.port, target.signal);
      const payload = JSON.stringify({ event_id: eventId, session_hash: hash, fn_index: fnIndex });
      cancelRequest = canceller.request("POST", "/gradio_api/cancel", payload).catch((err: unknown) => {
        result.failure ??= `cancel: ${err instanceof Error ? err.message : String(err)}`;
      });
    };
    let pending = "";
    const handle = (block: string): void => {
      if (!block.startsWith("data: ")) return;
      const m = JSON.parse(block.slice(6)) as { msg?: string; success?: boolean };
      if (m.msg === "process_starts" && cancel && "afterStartMs" in cancel) cancelTimer = setTimeout(sendCancel, cancel.afterStartMs);
      else if (m.msg === "process_generating") {
        result.generating++;
        if (cancel && "afterGenerating" in cancel && result.generating >= cancel.afterGenerating) sendCancel();
      } else if (m.msg === "process_completed") result.outcome = m.success === true ? "completed" : "error";
      else if (m.msg === "close_stream") result.closed = true;
    };
    const res = await connection.request("GET", `/gradio_api/queue/data?session_hash=${hash}`, undefined, (text) => {
      pending += text;
      let cut: number;
      while ((cut = pending.indexOf("\n\n")) >= 0) {
        handle(pending.slice(0, cut));
        pending = pending.slice(cut + 2);
      }
    });
    if (res.status !== 200) throw new Error(`queue/data: HTTP ${res.status}`);
    await cancelRequest;
  } catch (err) {
    result.failure ??= err instanceof Error ? err.message : String(err);
    connection.close();
  } finally {
    clearTimeout(limit);
    clearTimeout(cancelTimer);
    (canceller as Connection | null)?.close();
  }
  if (!result.closed) result.outcome = "stuck";
  return result;
}
