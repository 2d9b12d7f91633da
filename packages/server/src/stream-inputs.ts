/**
 * Streaming inputs (a webcam or microphone with `streaming: true` feeding a `stream` listener,
 * `connection: "stream"` in the config). The page joins the queue once; while the event runs it
 * sends chunks (an encoded frame, a WAV chunk) on its live channel, and the event runs its
 * function on each. A slow function sees only the latest chunk: those that arrived while it ran
 * are dropped, never queued. The event ends when the page closes the stream, the `time_limit`
 * passes, the event is cancelled, or the page goes away.
 *
 * ## Chunk frames on the live channel (binary WebSocket messages, page → server)
 *
 * ```
 * byte 0        0x01 (a chunk)
 * byte 1        H: the header's length in bytes (1…255)
 * bytes 2…2+H   the header, UTF-8 JSON: { "event_id": string, "input": number, "mime_type"?: string }
 * the rest      the chunk's bytes (an encoded image, a WAV file, …)
 * ```
 *
 * `input` is the position, in the listener's `inputs`, of the component the chunk is for. Text
 * messages (JSON) from the page: `{ "type": "close_stream", "event_id": string }` ends a stream;
 * `{ "type": "stream_inputs", "event_id": string, "data": unknown[] }` gives it the current values
 * of its other inputs (one per input; those of the streamed inputs are ignored), which the runs on
 * later chunks see, as Gradio's `send_chunk` sends every input's value with each chunk. The page
 * sends it before a chunk whenever one of those values changed (a slider moved while the webcam
 * streams); it counts against the same rate limit as chunks, and is at most `maxChunkBytes` long.
 * The server answers a refused message with `{ "type": "stream_error", "event_id": string | null,
 * "message": string }` and keeps the channel open.
 */
import type { Dependency, FileData } from "@vitrine/core";

/** Limits of streamed chunks. */
export interface StreamLimits {
  /** Largest chunk, in bytes (default 4 MiB). */
  maxChunkBytes: number;
  /** Most chunks a session may send a second, over all its streams (default 30). */
  maxChunksPerSecond: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxChunkBytes: 4 * 1024 * 1024, maxChunksPerSecond: 30 };

/** How many ended streams are remembered, to drop their late chunks quietly. */
const MAX_ENDED = 1000;

/** The first byte of a chunk frame. */
export const CHUNK_FRAME = 0x01;

/** A refused message, reported to the page with this text. */
export class StreamRefused extends Error {
  constructor(
    message: string,
    readonly eventId: string | null = null,
    /** The HTTP status it is answered with on the HTTP routes: 404 for an unknown event, else 400. */
    readonly status = 400,
  ) {
    super(message);
    this.name = "StreamRefused";
  }
}

/** A decoded chunk frame. */
export interface ChunkFrame {
  eventId: string;
  input: number;
  mimeType: string | null;
  payload: Uint8Array;
}

/** Reads a binary chunk frame; throws {@link StreamRefused} with what is wrong. */
export function decodeChunkFrame(bytes: Uint8Array): ChunkFrame {
  if (bytes.length < 2 || bytes[0] !== CHUNK_FRAME)
    throw new StreamRefused("Bad stream frame: a chunk frame starts with the byte 0x01, then the header's length");
  const length = bytes[1]!;
  if (length === 0 || bytes.length < 2 + length) throw new StreamRefused("Bad stream frame: its header is cut short");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(2, 2 + length)));
  } catch {
    throw new StreamRefused("Bad stream frame: its header is not UTF-8 JSON");
  }
  const h = header as { event_id?: unknown; input?: unknown; mime_type?: unknown };
  if (typeof h !== "object" || h === null || typeof h.event_id !== "string" || h.event_id === "")
    throw new StreamRefused('Bad stream frame: its header needs "event_id" (a string)');
  if (typeof h.input !== "number" || !Number.isInteger(h.input) || h.input < 0)
    throw new StreamRefused('Bad stream frame: its header needs "input" (the input\'s position, an integer from 0)', h.event_id);
  if (h.mime_type !== undefined && h.mime_type !== null && typeof h.mime_type !== "string")
    throw new StreamRefused('Bad stream frame: "mime_type" must be a string', h.event_id);
  return { eventId: h.event_id, input: h.input, mimeType: (h.mime_type as string | undefined) ?? null, payload: bytes.subarray(2 + length) };
}

/** The media kind of a chunk's bytes, by their first bytes; null when it is none the server takes. */
export function sniffChunk(bytes: Uint8Array): { kind: "image" | "audio" | "video"; ext: string; mime: string } | null {
  const ascii = (at: number, s: string) => s.split("").every((c, i) => bytes[at + i] === c.charCodeAt(0));
  if (bytes[0] === 0x89 && ascii(1, "PNG")) return { kind: "image", ext: "png", mime: "image/png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { kind: "image", ext: "jpg", mime: "image/jpeg" };
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return { kind: "image", ext: "webp", mime: "image/webp" };
  if (ascii(0, "RIFF") && ascii(8, "WAVE")) return { kind: "audio", ext: "wav", mime: "audio/wav" };
  if (ascii(0, "GIF8")) return { kind: "image", ext: "gif", mime: "image/gif" };
  if (ascii(0, "OggS")) return { kind: "audio", ext: "ogg", mime: "audio/ogg" };
  if (ascii(0, "ID3") || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return { kind: "audio", ext: "mp3", mime: "audio/mpeg" };
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return { kind: "video", ext: "webm", mime: "video/webm" };
  return null;
}

/** Whether a component takes a streamed chunk of this kind (an Image takes images, an Audio audio, …). */
function accepts(componentType: string, kind: "image" | "audio" | "video"): boolean {
  if (componentType === "audio") return kind === "audio";
  if (componentType === "video") return kind === "video";
  if (componentType === "image") return kind === "image";
  return true;
}

/**
 * The inputs of one running `stream` event: the latest chunk the page sent for each streamed
 * input, waiting for the function. A chunk that arrives before the function took the previous
 * one replaces it (only the latest is kept, and nothing is saved for the one dropped);
 * {@link dropped} counts those. A chunk is saved in the file cache only when the function takes it.
 */
export class InputStream {
  /** Waiting chunks by input position (-1: whole values, from Gradio's HTTP route): each makes the values it brings. */
  private readonly pending = new Map<number, (values: unknown[]) => Promise<unknown[]>>();
  private wake: (() => void) | null = null;
  private ended = false;
  /** Chunks replaced by a newer one before the function saw them. */
  dropped = 0;
  /** Chunks taken in. */
  received = 0;
  /** The values the last chunk was merged into: a chunk for one input keeps the others' values. */
  values: unknown[];

  constructor(
    readonly eventId: string,
    readonly sessionHash: string,
    readonly dependency: Dependency,
    private readonly onClose: (stream: InputStream) => void,
    initial: readonly unknown[] = [],
  ) {
    this.values = dependency.inputs.map((_, i) => initial[i] ?? null);
  }

  /** Whether the stream has ended (closed, timed out or cancelled). */
  get closed(): boolean {
    return this.ended;
  }

  /**
   * Takes a chunk for input `input` (or, for -1, the event's values whole): `make` turns the
   * current values into the new ones when the function takes it.
   */
  offer(input: number, make: (values: unknown[]) => Promise<unknown[]>): void {
    if (this.ended) return;
    this.received++;
    if (input === -1) {
      this.dropped += this.pending.size;
      this.pending.clear();
    } else if (this.pending.delete(input) || this.pending.has(-1)) this.dropped++;
    this.pending.set(input, make);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * Takes the current values of the inputs that do not stream (one value per input; those of the
   * streamed inputs are ignored): the runs on the chunks that come next see them.
   */
  setInputs(data: readonly unknown[]): void {
    if (this.ended) return;
    const streamed = new Set(streamedInputs(this.dependency));
    this.values = this.values.map((v, i) => (streamed.has(i) ? v : (data[i] ?? null)));
  }

  /** Takes the event's new input values whole. */
  push(data: unknown[]): void {
    this.offer(-1, async () => [...data]);
  }

  /**
   * The next values to run the function on: the waiting chunks merged into the current values,
   * or, when none waits, those of the next chunk to come. Null once the stream is closed,
   * `signal` fires or `deadline` (ms, performance.now) passes.
   */
  async next(signal: AbortSignal, deadline: number): Promise<unknown[] | null> {
    for (;;) {
      if (this.ended || signal.aborted || performance.now() >= deadline) return null;
      if (this.pending.size > 0) {
        const makers = [...this.pending.entries()].sort(([a], [b]) => a - b).map(([, make]) => make);
        this.pending.clear();
        let values = this.values;
        for (const make of makers) values = await make(values);
        this.values = values;
        return values;
      }
      await new Promise<void>((resolve) => {
        const timer = deadline === Infinity ? null : setTimeout(done, Math.max(0, deadline - performance.now()));
        signal.addEventListener("abort", done, { once: true });
        this.wake = done;
        function done() {
          if (timer) clearTimeout(timer);
          signal.removeEventListener("abort", done);
          resolve();
        }
      });
      this.wake = null;
    }
  }

  /** Ends the stream: a waiting {@link next} resolves with null, and later chunks are dropped. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending.clear();
    const wake = this.wake;
    this.wake = null;
    wake?.();
    this.onClose(this);
  }
}

/** What the registry needs from the server: where chunks are saved. */
export interface ChunkStore {
  /** Saves a chunk's bytes in the file cache and returns its FileData. */
  save(bytes: Uint8Array, name: string, mimeType: string): Promise<FileData>;
  /**
   * Why input values sent on the live channel are refused (a file that is neither uploaded nor
   * allowed), or null. Without it, only the components' own checks apply when they resolve a file.
   */
  refused?(data: readonly unknown[]): string | null;
}

/**
 * The running `stream` events of an app, by event id, and what the live channels send them:
 * chunk frames are checked (format, size, rate, session, input), saved in the file cache, and
 * handed to their event as its newest input values.
 */
export class StreamInputs {
  private readonly streams = new Map<string, InputStream>();
  /** Streams that ended lately (event id → session): their late chunks are dropped quietly, not refused. */
  private readonly ended = new Map<string, string>();
  /** Per session: the tokens of its rate limit and when they were counted. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  readonly limits: StreamLimits;

  constructor(
    private readonly store: ChunkStore,
    limits: Partial<StreamLimits> = {},
  ) {
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...limits };
  }

  /** Registers a `stream` event when it joins; `initial` are the values it joined with. */
  open(eventId: string, sessionHash: string, dependency: Dependency, initial: readonly unknown[]): InputStream {
    const stream = new InputStream(eventId, sessionHash, dependency, (s) => {
      if (this.streams.get(s.eventId) !== s) return;
      this.streams.delete(s.eventId);
      this.ended.set(s.eventId, s.sessionHash);
      if (this.ended.size > MAX_ENDED) this.ended.delete(this.ended.keys().next().value as string);
    }, initial);
    this.streams.set(eventId, stream);
    // A join that already carries a chunk (Gradio's client sends the first one with the join) runs on it.
    const streamed = streamedInputs(dependency);
    if (streamed.some((i) => initial[i] !== null && initial[i] !== undefined)) stream.push([...initial]);
    return stream;
  }

  /** The running stream event `eventId` of session `sessionHash`; throws {@link StreamRefused} otherwise. */
  find(eventId: string, sessionHash: string): InputStream {
    const stream = this.streams.get(eventId);
    // Another session's event is answered as an unknown one: its id tells nothing.
    if (!stream || stream.sessionHash !== sessionHash)
      throw new StreamRefused(`No streaming event ${JSON.stringify(eventId)} is running in this session (it ended, or was never started)`, eventId, 404);
    return stream;
  }

  /** Number of running stream events. */
  get size(): number {
    return this.streams.size;
  }

  /** Ends every stream of a session (its page went away). */
  closeSession(sessionHash: string): void {
    for (const s of [...this.streams.values()]) if (s.sessionHash === sessionHash) s.close();
    this.buckets.delete(sessionHash);
  }

  /** Ends every stream. */
  closeAll(): void {
    for (const s of [...this.streams.values()]) s.close();
    this.buckets.clear();
    this.ended.clear();
  }

  /** Counts one chunk against the session's rate limit; throws when it is over. */
  private admit(sessionHash: string, eventId: string): void {
    const now = performance.now();
    const rate = this.limits.maxChunksPerSecond;
    const bucket = this.buckets.get(sessionHash) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(sessionHash, bucket);
    if (bucket.tokens < 1) throw new StreamRefused(`Too many stream chunks: a session may send at most ${rate} a second; this one was dropped`, eventId);
    bucket.tokens -= 1;
  }

  /**
   * Takes a binary message from session `sessionHash`'s live channel: a chunk frame for one of
   * its running stream events. Throws {@link StreamRefused} for a frame it refuses.
   */
  chunk(sessionHash: string, bytes: Uint8Array): void {
    const frame = decodeChunkFrame(bytes);
    const { eventId, input, payload } = frame;
    const max = this.limits.maxChunkBytes;
    if (payload.length > max) throw new StreamRefused(`Stream chunk too large: ${payload.length} bytes, the limit is ${max}`, eventId);
    // Chunks still on their way when the stream ended (the page stopped, the time limit passed) are dropped quietly.
    if (this.ended.get(eventId) === sessionHash) return;
    const stream = this.find(eventId, sessionHash);
    this.admit(sessionHash, eventId);
    const dep = stream.dependency;
    const component = dep.inputs[input];
    if (!component || !streamedInputs(dep).includes(input))
      throw new StreamRefused(`Input ${input} of this event does not stream (its streaming inputs: ${streamedInputs(dep).join(", ") || "none"})`, eventId);
    if (payload.length === 0) throw new StreamRefused("Empty stream chunk", eventId);
    const sniffed = sniffChunk(payload);
    if (!sniffed || !accepts(component.type, sniffed.kind))
      throw new StreamRefused(
        `Bad stream chunk for ${component.type} input ${input}: ${sniffed ? `a ${sniffed.kind} file` : "not a media file this server reads (png, jpeg, webp, gif, wav, ogg, mp3, webm)"}`,
        eventId,
      );
    const copy = new Uint8Array(payload);
    stream.offer(input, async (values) => {
      const data = [...values];
      data[input] = await this.store.save(copy, `chunk.${sniffed.ext}`, sniffed.mime);
      return data;
    });
  }

  /**
   * Gradio's `POST {api_prefix}/stream/{event_id}` (`send_chunk` of `@gradio/client`): the
   * event's new input values, whole (files uploaded first, as FileData).
   */
  values(eventId: string, sessionHash: string | null, data: unknown): void {
    const stream = this.streams.get(eventId);
    if (!stream || (sessionHash !== null && stream.sessionHash !== sessionHash))
      throw new StreamRefused(`No streaming event ${JSON.stringify(eventId)} is running${sessionHash ? " in this session" : ""}`, eventId, 404);
    if (!Array.isArray(data) || data.length !== stream.dependency.inputs.length)
      throw new StreamRefused(`The stream's data must be a list of ${stream.dependency.inputs.length} input value(s)`, eventId);
    this.admit(stream.sessionHash, eventId);
    stream.push(data);
  }

  /**
   * The page's `stream_inputs` message: the current values of a running stream event's inputs
   * that do not stream. Throws {@link StreamRefused} for values it refuses.
   */
  inputs(eventId: string, sessionHash: string, data: unknown): void {
    // Values still on their way when the stream ended are dropped quietly, as its late chunks.
    if (this.ended.get(eventId) === sessionHash) return;
    const stream = this.find(eventId, sessionHash);
    const count = stream.dependency.inputs.length;
    if (!Array.isArray(data) || data.length !== count)
      throw new StreamRefused(`Bad stream_inputs message: "data" must be a list of ${count} input value(s), one per input of the event`, eventId);
    const refused = this.store.refused?.(data);
    if (refused) throw new StreamRefused(refused, eventId);
    this.admit(sessionHash, eventId);
    stream.setInputs(data);
  }

  /** Ends a stream the page or client closed (`close_stream`). */
  close(eventId: string, sessionHash: string | null): void {
    if (sessionHash !== null && this.ended.get(eventId) === sessionHash) return;
    const stream = this.streams.get(eventId);
    if (!stream || (sessionHash !== null && stream.sessionHash !== sessionHash))
      throw new StreamRefused(`No streaming event ${JSON.stringify(eventId)} is running${sessionHash ? " in this session" : ""}`, eventId, 404);
    stream.close();
  }

  /**
   * Takes one message of session `sessionHash`'s live channel; returns the reply to send (a
   * `stream_error`), or null. Never throws: a refused message leaves the channel open.
   */
  async message(sessionHash: string, data: Uint8Array, isBinary: boolean): Promise<string | null> {
    try {
      if (isBinary) this.chunk(sessionHash, data);
      else {
        const max = this.limits.maxChunkBytes;
        if (data.length > max) throw new StreamRefused(`Live message too large: ${data.length} bytes, the limit is ${max}`);
        let msg: { type?: unknown; event_id?: unknown; data?: unknown };
        try {
          msg = JSON.parse(new TextDecoder().decode(data)) as typeof msg;
        } catch {
          throw new StreamRefused("Bad live message: a text message is JSON");
        }
        const type = typeof msg === "object" && msg !== null ? msg.type : undefined;
        if ((type !== "close_stream" && type !== "stream_inputs") || typeof msg.event_id !== "string")
          throw new StreamRefused(
            'Bad live message: a text message is { "type": "close_stream", "event_id": "…" } or { "type": "stream_inputs", "event_id": "…", "data": [...] }',
            typeof msg?.event_id === "string" ? msg.event_id : null,
          );
        if (type === "close_stream") this.close(msg.event_id, sessionHash);
        else this.inputs(msg.event_id, sessionHash, msg.data);
      }
      return null;
    } catch (err) {
      const refused = err instanceof StreamRefused ? err : new StreamRefused(`Stream chunk failed: ${(err as Error).message}`);
      return JSON.stringify({ type: "stream_error", event_id: refused.eventId, message: refused.message });
    }
  }
}

/** The positions of a listener's inputs that stream: the components whose `stream` event it listens to. */
export function streamedInputs(dep: Dependency): number[] {
  const sources = new Set(dep.targets.filter(([, event]) => event === "stream").map(([block]) => block));
  const out: number[] = [];
  dep.inputs.forEach((c, i) => {
    if (sources.has(c)) out.push(i);
  });
  return out;
}

/** Whether a listener is a `stream` listener (`connection: "stream"`). */
export function isStreamListener(dep: Dependency): boolean {
  return dep.targets.some(([, event]) => event === "stream");
}

/**
 * A `process_streaming` message: an output of a `stream` event, sent whole (Gradio's JS client
 * applies no diff to them), with the event's `time_limit`.
 */
export function streamingFrame(eventId: string, data: unknown[], timeLimit: number | null): string {
  const message = {
    msg: "process_streaming",
    event_id: eventId,
    output: { data, is_generating: true, duration: 0, average_duration: 0, render_config: null, changed_state_ids: [], used_cache: null },
    success: true,
    time_limit: timeLimit,
  };
  return `data: ${JSON.stringify(message)}\n\n`;
}
