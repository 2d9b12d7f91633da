/**
 * A server-sent events parser that follows the WHATWG event-stream rules for what it keeps
 * (`data:` fields, blank-line dispatch) and tolerates everything else a server might send
 * (comments, `event:`/`id:`/`retry:` fields, CRLF or CR line endings, chunks split anywhere).
 */
export class SseParser {
  #buffer = "";
  #data: string[] = [];
  /** The previous chunk ended with `\r`, so a `\n` at the start of the next one belongs to it. */
  #pendingCr = false;

  /**
   * Feeds decoded text and returns the `data` payloads of the events it completed, in order.
   * Multi-line `data` fields are joined with `\n`; events without `data` are dropped.
   */
  feed(text: string): string[] {
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (text.startsWith("\n")) text = text.slice(1);
    }
    this.#buffer += text;
    const out: string[] = [];
    let start = 0;
    const buffer = this.#buffer;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.#line(buffer.slice(start, i), out);
      if (ch === 13) {
        if (i + 1 < buffer.length) {
          if (buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.#buffer = buffer.slice(start);
    return out;
  }

  /**
   * Ends the stream. As the event-stream rules say, an event not yet closed by a blank line
   * is discarded; the parser is then reset.
   */
  end(): void {
    this.#buffer = "";
    this.#data = [];
    this.#pendingCr = false;
  }

  #line(line: string, out: string[]): void {
    if (line === "") {
      if (this.#data.length > 0) out.push(this.#data.join("\n"));
      this.#data = [];
      return;
    }
    if (line.startsWith(":")) return; // comment
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== "data") return; // event, id, retry and unknown fields are not used
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    this.#data.push(value);
  }
}

/**
 * Reads an event stream body to its end, calling `onData` with each event's `data` payload.
 * Resolves when the body ends; rejects when reading fails (network error, abort).
 * `onData` may return `false` to stop reading early (the body is then cancelled).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => boolean | void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const data of parser.feed(text)) {
        if (onData(data) === false) {
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
      if (done) {
        parser.end();
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
