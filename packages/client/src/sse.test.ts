import { describe, expect, it } from "@jest/globals";
import { readEventStream, SseParser } from "./sse.js";

/** Feeds `text` to a fresh parser in pieces of `size` characters and collects every payload. */
function parseInPieces(text: string, size: number): string[] {
  const parser = new SseParser();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.feed(text.slice(i, i + size)));
  return out;
}

const transcript =
  'data: {"msg":"estimation","event_id":"e1","rank":0,"queue_size":1,"rank_eta":null}\n\n' +
  'data: {"msg":"process_starts","event_id":"e1","eta":null}\n\n' +
  'data: {"msg":"close_stream","event_id":null}\n\n';

describe("SseParser", () => {
  it("returns each event's data", () => {
    expect(new SseParser().feed(transcript)).toEqual([
      '{"msg":"estimation","event_id":"e1","rank":0,"queue_size":1,"rank_eta":null}',
      '{"msg":"process_starts","event_id":"e1","eta":null}',
      '{"msg":"close_stream","event_id":null}',
    ]);
  });

  it("gives the same events whatever the chunk boundaries", () => {
    const whole = new SseParser().feed(transcript);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(parseInPieces(transcript, size)).toEqual(whole);
  });

  it("handles CRLF and lone CR line endings, including a CRLF split across chunks", () => {
    const crlf = transcript.replace(/\n/g, "\r\n");
    const cr = transcript.replace(/\n/g, "\r");
    const whole = new SseParser().feed(transcript);
    expect(new SseParser().feed(crlf)).toEqual(whole);
    expect(new SseParser().feed(cr)).toEqual(whole);
    for (const size of [1, 2, 3, 4, 9]) expect(parseInPieces(crlf, size)).toEqual(whole);
    const parser = new SseParser();
    expect(parser.feed("data: a\r")).toEqual([]);
    expect(parser.feed("\n\r")).toEqual(["a"]);
    expect(parser.feed("\ndata: b\n\n")).toEqual(["b"]);
  });

  it("ignores comments, other fields and events without data", () => {
    const text = ": ping\n\nevent: complete\nid: 7\nretry: 100\ndata: x\nunknown: y\n\nevent: heartbeat\n\n:only a comment\n\n";
    expect(new SseParser().feed(text)).toEqual(["x"]);
  });

  it("joins multi-line data with \\n and strips only one leading space", () => {
    expect(new SseParser().feed("data: a\ndata:b\ndata:  c\n\n")).toEqual(["a\nb\n c"]);
    expect(new SseParser().feed("data\n\n")).toEqual([""]);
  });

  it("keeps an event open until its blank line, and discards it at the end", () => {
    const parser = new SseParser();
    expect(parser.feed("data: one\n")).toEqual([]);
    expect(parser.feed("data: two")).toEqual([]);
    expect(parser.feed("\n")).toEqual([]);
    expect(parser.feed("\n")).toEqual(["one\ntwo"]);
    expect(parser.feed("data: unterminated")).toEqual([]);
    parser.end();
    expect(parser.feed("data: fresh\n\n")).toEqual(["fresh"]);
  });
});

describe("readEventStream", () => {
  function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
  }

  it("decodes UTF-8 characters split across chunks", async () => {
    const bytes = new TextEncoder().encode('data: {"text":"héllo ✓ 🎉"}\n\n');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    const got: string[] = [];
    await readEventStream(bodyOf(chunks), (d) => {
      got.push(d);
    });
    expect(got).toEqual(['{"text":"héllo ✓ 🎉"}']);
  });

  it("stops reading when the callback returns false", async () => {
    const bytes = new TextEncoder().encode("data: 1\n\ndata: 2\n\ndata: 3\n\n");
    const got: string[] = [];
    await readEventStream(bodyOf([bytes]), (d) => {
      got.push(d);
      return d !== "2" ? undefined : false;
    });
    expect(got).toEqual(["1", "2"]);
  });
});
