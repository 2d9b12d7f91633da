/**
 * The load generator's client for a ChatInterface's `/chat` endpoint: the same session, join
 * and stream as `runEvent` (protocol-client.ts), with the endpoint's data `[message, <history
 * State>]` (a client sends `null` in the State slot) and outputs `[reply, <history State>]`.
 *
 * The stream is checked as strictly as for `/stream`: framing, message order, event ids,
 * `close_stream` after the completion; the reply is rebuilt from the first full value and the
 * `append` diffs after it, and the State slot must stay off the wire (`null` in full values,
 * an empty diff list in diffs), as Gradio sends it.
 */
import { runQueuedEvent, StreamReader, type EventResult, type OutputValue, type User } from "./protocol-client.js";

/**
 * Runs one `/chat` call: joins `fnIndex` with `[message, null]` in the user's session, reads
 * the session's stream to its end. Never throws: failures are in `error`.
 */
export function runChatEvent(user: User, fnIndex: number, message: string): Promise<EventResult> {
  return runQueuedEvent(user, fnIndex, [message, null], (eventId, result) => new ChatStreamReader(eventId, result));
}

/** A session stream of `/chat` messages: outputs `[reply, <history State>]`, the State kept off the wire. */
export class ChatStreamReader extends StreamReader {
  protected override generatingValue(data: unknown[] | undefined, first: boolean): OutputValue {
    if (!Array.isArray(data) || data.length !== 2) return { error: `process_generating data is not [reply, state]: ${JSON.stringify(data).slice(0, 80)}` };
    const [value, state] = data;
    if (first && state !== null) return { error: `the history State is on the wire: ${JSON.stringify(state).slice(0, 80)}` };
    if (!first && (!Array.isArray(state) || state.length !== 0)) return { error: `the history State's diff is not empty: ${JSON.stringify(state).slice(0, 80)}` };
    return { value };
  }

  protected override completedValue(data: unknown[] | undefined): OutputValue {
    if (!Array.isArray(data) || data.length !== 2 || data[1] !== null) return { error: `process_completed data is not [reply, null]: ${JSON.stringify(data).slice(0, 80)}` };
    return { value: data[0] };
  }
}
