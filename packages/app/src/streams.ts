import type { DependencyConfig, FileData } from "@vitrine/core";
import type { EventClient } from "./messages.js";

/**
 * Streaming inputs on the page side. A view with a streaming source (a webcam or microphone
 * with `streaming: true`) fires `stream` with each chunk (a Blob: an encoded frame, a WAV
 * chunk) every `stream_every` seconds, and `close_stream` when it stops. The first chunk starts
 * the listener (`connection: "stream"`) through the queue like any event; its chunks then go to
 * the running event on the session's live channel (`Client.stream_chunk`), or, where there is
 * none, uploaded and sent whole (`Client.send_chunk`, Gradio's `POST /stream/{event_id}`).
 * As Gradio's page sends every input's value with each chunk, the listener's other inputs follow
 * the page: before a chunk, their current values go to the event (`Client.stream_inputs`)
 * whenever they changed since the last chunk (a slider moved while the webcam streams).
 */

/** Whether a dependency listens to a `stream` event (its inputs stream while it runs). */
export function isStreamDependency(dep: DependencyConfig): boolean {
  return (dep.connection as string) === "stream" || dep.targets.some(([, event]) => event === "stream");
}

/** The blocks whose `stream` event a dependency listens to. */
export function streamSources(dep: DependencyConfig): number[] {
  return dep.targets.filter(([, event]) => event === "stream").map(([id]) => id);
}

/** A running stream: its job's event id (once the join answered) and how to reach it. */
export class ActiveStream {
  /** Chunks go out one after the other, in order. */
  private sending: Promise<unknown> = Promise.resolve();
  private ended = false;
  /** The other inputs' values as the event last got them (JSON), to send them only when they change. */
  private sentInputs: string | null;

  constructor(
    readonly dep: DependencyConfig,
    private readonly client: EventClient,
    private readonly eventId: Promise<string | null>,
    /** The current input values (files in them as the store holds them). */
    private readonly values: () => unknown[],
  ) {
    // The event joined with the values the page holds now.
    this.sentInputs = this.otherInputs().key;
  }

  /** The current values of the inputs that do not stream (null in the streamed places), and their JSON. */
  private otherInputs(): { data: unknown[]; key: string | null } {
    const sources = new Set(this.dep.targets.filter(([, event]) => event === "stream").map(([id]) => id));
    const data = this.values().map((v, i) => (sources.has(this.dep.inputs[i]!) ? null : v));
    let key: string | null;
    try {
      key = JSON.stringify(data);
    } catch {
      key = null; // not JSON (never sent as such): sent with every chunk
    }
    return { data, key };
  }

  /** Sends one chunk from block `blockId`; `onError` hears why it could not go. */
  send(blockId: number, chunk: Blob, onError: (message: string) => void): void {
    const input = this.dep.inputs.indexOf(blockId);
    if (input < 0 || this.ended) return;
    this.sending = this.sending.then(async () => {
      const id = await this.eventId;
      if (id === null || this.ended) return;
      try {
        if (this.client.stream_chunk) {
          // The other inputs first, when they changed: the chunk's run sees them.
          const others = this.otherInputs();
          const changed = others.key === null || others.key !== this.sentInputs;
          if (!changed || (this.client.stream_inputs?.(id, others.data) ?? false)) {
            if (await this.client.stream_chunk(id, input, chunk, chunk.type)) {
              this.sentInputs = others.key;
              return;
            }
          }
        }
        // No live channel: upload the chunk and send the event's values whole.
        if (!this.client.upload || !this.client.send_chunk) throw new Error("This page's client cannot stream inputs.");
        const [file] = await this.client.upload([chunk], {});
        const data = this.values();
        data[input] = file as FileData;
        await this.client.send_chunk(id, data);
      } catch (err) {
        if (!this.ended) onError(err instanceof Error ? err.message : String(err));
      }
    });
  }

  /** Ends the stream: the server stops calling the function, and the event completes. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    void this.sending.then(async () => {
      const id = await this.eventId;
      if (id !== null) await this.client.close_stream?.(id);
    }).catch(() => undefined);
  }

  /** Forgets the stream once its event ended on its own (time limit, error, cancel). */
  finished(): void {
    this.ended = true;
  }
}
