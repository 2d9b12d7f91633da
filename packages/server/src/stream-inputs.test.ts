/**
 * Streaming inputs over the live channel (issue 8): a `stream` listener joins once, its chunks
 * come as binary frames on the page's WebSocket, the function runs on each; refused frames get
 * a clear `stream_error` and the channel and server keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deflateSync } from "node:zlib";
import { WebSocket } from "ws";
import { Blocks, Component, needFiles, type ApiDescription, type FileData, type ProcessContext } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type RunningServer } from "./index.js";
import { CHUNK_FRAME, StreamInputs, decodeChunkFrame, sniffChunk } from "./stream-inputs.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A minimal PNG (8-bit greyscale) of the given size, so the test needs no image library. */
function png(width: number, height: number, shade = 128): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, shade);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Reads a PNG's size from its header. */
function pngSize(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

/** A test-only image input: hands the function the streamed PNG's size. */
class Frame extends Component<string, string, FileData | null> {
  static override readonly events = ["stream", "change"] as const;
  readonly type = "image";
  readonly ui = { file: "/nonexistent/ui.js" };
  override async preprocess(payload: FileData | null, ctx?: ProcessContext): Promise<string> {
    if (!payload) return "none";
    const files = needFiles("Frame", ctx);
    return pngSize(await files.read(await files.resolve(payload)));
  }
  override postprocess(): FileData | null {
    return null;
  }
  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "str", description: "" } };
  }
}

/** A chunk frame as the page sends it. */
function frame(header: Record<string, unknown>, payload: Uint8Array): Buffer {
  const h = Buffer.from(JSON.stringify(header), "utf8");
  return Buffer.concat([Buffer.from([CHUNK_FRAME, h.length]), h, payload]);
}

let server: RunningServer;
let api: string;
const calls: string[] = [];

beforeAll(async () => {
  const app = Blocks(() => {
    const cam = new Frame({});
    const slow = new Frame({});
    const limited = new Frame({});
    const withText = new Frame({});
    const note = Textbox({ label: "note" });
    const out = Textbox({ label: "out" });
    (cam as unknown as { stream: (o: unknown) => void }).stream({
      fn: (size: string) => {
        calls.push(size);
        return size;
      },
      inputs: [cam],
      outputs: [out],
      api_name: "sizes",
      stream_every: 0.2,
      concurrency_limit: null,
    });
    (slow as unknown as { stream: (o: unknown) => void }).stream({
      fn: async (size: string) => {
        calls.push(`slow ${size}`);
        await sleep(300);
        return size;
      },
      inputs: [slow],
      outputs: [out],
      api_name: "slow",
      concurrency_limit: null,
    });
    (limited as unknown as { stream: (o: unknown) => void }).stream({
      fn: (size: string) => size,
      inputs: [limited],
      outputs: [out],
      api_name: "limited",
      time_limit: 0.6,
      concurrency_limit: null,
    });
    (withText as unknown as { stream: (o: unknown) => void }).stream({
      fn: (size: string, text: string) => `${size} ${text}`,
      inputs: [withText, note],
      outputs: [out],
      api_name: "with_text",
      concurrency_limit: null,
    });
  });
  server = await launch(app, { server_port: 0, quiet: true });
  api = `${server.url.replace(/\/$/, "")}/gradio_api`;
});

afterAll(async () => {
  await server.close();
});

/** One session: its SSE messages (read in the background) and its live channel's replies. */
async function session(hash = `s${Math.random().toString(36).slice(2)}`) {
  const messages: Record<string, unknown>[] = [];
  const replies: Record<string, unknown>[] = [];
  const ws = new WebSocket(`${api.replace("http:", "ws:")}/live/${hash}`);
  ws.on("message", (data) => replies.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  const join = async (fn_index: number, data: unknown[] = [null]) => {
    const res = await fetch(`${api}/queue/join`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ data, fn_index, session_hash: hash, event_data: null, trigger_id: null }),
    });
    expect(res.status).toBe(200);
    const { event_id } = (await res.json()) as { event_id: string };
    void read();
    return event_id;
  };
  let reading = false;
  const read = async () => {
    if (reading) return;
    reading = true;
    const res = await fetch(`${api}/queue/data?session_hash=${hash}`);
    const reader = res.body!.getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const line = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (line.startsWith("data: ")) messages.push(JSON.parse(line.slice(6)) as Record<string, unknown>);
      }
    }
    reading = false;
  };
  const until = async (what: string, check: () => boolean, ms = 4000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; messages: ${JSON.stringify(messages)}; replies: ${JSON.stringify(replies)}`);
      await sleep(10);
    }
  };
  const of = (eventId: string, msg: string) => messages.filter((m) => m.event_id === eventId && m.msg === msg);
  return { hash, ws, messages, replies, join, until, of };
}

describe("stream listeners in the config", () => {
  it("have connection stream, stream_every and time_limit", async () => {
    const config = (await (await fetch(`${server.url}config`)).json()) as { dependencies: Record<string, unknown>[] };
    expect(config.dependencies[0]).toMatchObject({ connection: "stream", stream_every: 0.2, time_limit: null });
    expect(config.dependencies[2]).toMatchObject({ connection: "stream", stream_every: 0.5, time_limit: 0.6 });
  });
});

describe("chunk frames on the live channel", () => {
  it("run the function on each chunk and stream each output whole, until close_stream", async () => {
    const s = await session();
    const id = await s.join(0);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    s.ws.send(frame({ event_id: id, input: 0, mime_type: "image/png" }, png(4, 3)));
    await s.until("the first output", () => s.of(id, "process_streaming").length === 1);
    s.ws.send(frame({ event_id: id, input: 0 }, png(7, 5)));
    await s.until("the second output", () => s.of(id, "process_streaming").length === 2);
    expect(s.of(id, "process_streaming").map((m) => (m.output as { data: unknown[] }).data)).toEqual([["4x3"], ["7x5"]]);
    expect(s.of(id, "process_streaming")[0]).toMatchObject({ time_limit: null, success: true });
    s.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
    await s.until("completion", () => s.of(id, "process_completed").length === 1);
    expect(s.of(id, "process_completed")[0]).toMatchObject({ success: true, output: { data: ["7x5"] } });
    expect(s.replies).toEqual([]);
    s.ws.close();
  });

  it("refuse bad frames, too large chunks, unknown events and another session's event, and keep working", async () => {
    const s = await session();
    const other = await session();
    const id = await s.join(0);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    const sends: [Buffer | string, RegExp][] = [
      [Buffer.from([0x02, 0x00, 0x01]), /Bad stream frame: a chunk frame starts with the byte 0x01/],
      [Buffer.from([0x01, 0x20, 0x7b]), /Bad stream frame: its header is cut short/],
      [Buffer.concat([Buffer.from([0x01, 0x03]), Buffer.from("{x}")]), /header is not UTF-8 JSON/],
      [frame({ input: 0 }, png(2, 2)), /needs "event_id"/],
      [frame({ event_id: id, input: 0 }, Buffer.from("not an image at all")), /Bad stream chunk for image input 0: not a media file/],
      [frame({ event_id: id, input: 0 }, Buffer.alloc(0)), /Empty stream chunk/],
      [frame({ event_id: id, input: 3 }, png(2, 2)), /Input 3 of this event does not stream/],
      [frame({ event_id: "nope", input: 0 }, png(2, 2)), /No streaming event "nope" is running in this session/],
      [frame({ event_id: id, input: 0 }, Buffer.alloc(server.service.streams.limits.maxChunkBytes + 1)), /Stream chunk too large: \d+ bytes, the limit is 4194304/],
      ["hello", /a text message is JSON/],
      [JSON.stringify({ type: "other" }), /a text message is \{ "type": "close_stream"/],
    ];
    for (const [data, expected] of sends) {
      const before = s.replies.length;
      s.ws.send(data);
      await s.until(`a reply to ${String(expected)}`, () => s.replies.length === before + 1);
      expect(s.replies[before]).toMatchObject({ type: "stream_error", message: expect.stringMatching(expected) });
    }
    // The other session may not feed (or close) this session's event.
    other.ws.send(frame({ event_id: id, input: 0 }, png(9, 9)));
    other.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
    await other.until("two refusals", () => other.replies.length === 2);
    for (const r of other.replies) expect(r).toMatchObject({ type: "stream_error", event_id: id, message: expect.stringMatching(/No streaming event .* in this session/) });
    expect(calls).not.toContain("9x9");
    // The channel still works, and so does the event.
    s.ws.send(frame({ event_id: id, input: 0 }, png(6, 1)));
    await s.until("an output", () => s.of(id, "process_streaming").length === 1);
    expect((s.of(id, "process_streaming")[0]!.output as { data: unknown[] }).data).toEqual(["6x1"]);
    expect(s.ws.readyState).toBe(WebSocket.OPEN);
    s.ws.close();
    other.ws.close();
    // Closing the page ends its stream.
    await s.until("completion after the page closed", () => s.of(id, "process_completed").length === 1);
  });

  it("keep only the latest chunk while a slow function runs", async () => {
    const s = await session();
    const id = await s.join(1);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    const before = calls.length;
    for (let i = 1; i <= 6; i++) {
      s.ws.send(frame({ event_id: id, input: 0 }, png(i, 1)));
      await sleep(20);
    }
    await sleep(900);
    s.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
    await s.until("completion", () => s.of(id, "process_completed").length === 1);
    const ran = calls.slice(before);
    expect(ran[0]).toBe("slow 1x1");
    expect(ran.length).toBeLessThan(6);
    expect(ran.at(-1)).toBe("slow 6x1");
    s.ws.close();
  });

  it("cap the chunks a session sends each second", async () => {
    const s = await session();
    const limits = server.service.streams.limits;
    const rate = limits.maxChunksPerSecond;
    limits.maxChunksPerSecond = 3;
    try {
      const id = await s.join(0);
      await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
      for (let i = 0; i < 6; i++) s.ws.send(frame({ event_id: id, input: 0 }, png(1, 1)));
      await s.until("refusals", () => s.replies.length >= 3);
      expect(s.replies[0]).toMatchObject({ type: "stream_error", event_id: id, message: expect.stringMatching(/at most 3 a second/) });
      s.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
      await s.until("completion", () => s.of(id, "process_completed").length === 1);
    } finally {
      limits.maxChunksPerSecond = rate;
      s.ws.close();
    }
  });

  it("end the stream when its time_limit passes", async () => {
    const s = await session();
    const started = Date.now();
    const id = await s.join(2);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    s.ws.send(frame({ event_id: id, input: 0 }, png(3, 3)));
    await s.until("completion", () => s.of(id, "process_completed").length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(s.of(id, "process_streaming")[0]).toMatchObject({ time_limit: 0.6, output: { data: ["3x3"] } });
    // Chunks still on their way after the end are dropped quietly (no error, no run).
    const runs = calls.length;
    s.ws.send(frame({ event_id: id, input: 0 }, png(8, 8)));
    s.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
    await sleep(300);
    expect(s.replies).toEqual([]);
    expect(calls.length).toBe(runs);
    expect(s.of(id, "process_streaming")).toHaveLength(1);
    s.ws.close();
  });
});

describe("the other inputs of a stream listener (stream_inputs messages)", () => {
  it("follow the page: each chunk's run sees the values last sent, and bad messages are refused", async () => {
    const s = await session();
    const id = await s.join(3, [null, "first"]);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    const outputs = () => s.of(id, "process_streaming").map((m) => (m.output as { data: unknown[] }).data[0]);
    s.ws.send(frame({ event_id: id, input: 0 }, png(4, 3)));
    await s.until("the first output", () => outputs().length === 1);
    // The page moved the other input: the next chunk's run sees it (a value for the streamed input is ignored).
    s.ws.send(JSON.stringify({ type: "stream_inputs", event_id: id, data: ["ignored", "second"] }));
    s.ws.send(frame({ event_id: id, input: 0 }, png(7, 5)));
    await s.until("the second output", () => outputs().length === 2);
    // Changing the other input alone runs nothing: the next chunk does.
    s.ws.send(JSON.stringify({ type: "stream_inputs", event_id: id, data: [null, "third"] }));
    await sleep(200);
    expect(outputs()).toHaveLength(2);
    s.ws.send(frame({ event_id: id, input: 0 }, png(2, 2)));
    await s.until("the third output", () => outputs().length === 3);
    expect(outputs()).toEqual(["4x3 first", "7x5 second", "2x2 third"]);
    const bad: [string, RegExp][] = [
      [JSON.stringify({ type: "stream_inputs", event_id: id, data: ["x"] }), /"data" must be a list of 2 input value\(s\)/],
      [JSON.stringify({ type: "stream_inputs", event_id: id }), /"data" must be a list of 2/],
      [JSON.stringify({ type: "stream_inputs", event_id: "nope", data: [null, "x"] }), /No streaming event "nope" is running in this session/],
      [JSON.stringify({ type: "stream_inputs", data: [null, "x"] }), /a text message is/],
      [JSON.stringify({ type: "stream_inputs", event_id: id, data: [null, "x".repeat(server.service.streams.limits.maxChunkBytes)] }), /Live message too large/],
    ];
    for (const [data, expected] of bad) {
      const before = s.replies.length;
      s.ws.send(data);
      await s.until(`a reply to ${String(expected)}`, () => s.replies.length === before + 1);
      expect(s.replies[before]).toMatchObject({ type: "stream_error", message: expect.stringMatching(expected) });
    }
    // Another session may not change this event's inputs.
    const other = await session();
    other.ws.send(JSON.stringify({ type: "stream_inputs", event_id: id, data: [null, "hijacked"] }));
    await other.until("a refusal", () => other.replies.length === 1);
    expect(other.replies[0]).toMatchObject({ type: "stream_error", message: expect.stringMatching(/in this session/) });
    s.ws.send(frame({ event_id: id, input: 0 }, png(1, 1)));
    await s.until("the fourth output", () => outputs().length === 4);
    expect(outputs()[3]).toBe("1x1 third");
    s.ws.send(JSON.stringify({ type: "close_stream", event_id: id }));
    await s.until("completion", () => s.of(id, "process_completed").length === 1);
    // Values sent after the end are dropped quietly.
    s.ws.send(JSON.stringify({ type: "stream_inputs", event_id: id, data: [null, "late"] }));
    await sleep(200);
    expect(s.replies).toHaveLength(bad.length);
    s.ws.close();
    other.ws.close();
  });

  it("are checked by the store's file check and count against the chunk rate", async () => {
    const streams = new StreamInputs(
      {
        save: async () => {
          throw new Error("not used");
        },
        refused: (data) => (data.some((v) => typeof v === "object" && v !== null) ? "File not allowed: /etc/passwd" : null),
      },
      { maxChunksPerSecond: 2 },
    );
    const app = Blocks(() => {
      const cam = new Frame({});
      const note = Textbox();
      (cam as unknown as { stream: (o: unknown) => void }).stream({ fn: (a: string, b: string) => a + b, inputs: [cam, note], outputs: [note] });
    });
    const dep = app.dependencies[0]!;
    const stream = streams.open("e1", "h1", dep, [null, "a"]);
    const send = (data: unknown) => streams.message("h1", new TextEncoder().encode(JSON.stringify({ type: "stream_inputs", event_id: "e1", data })), false);
    expect(await send([null, { path: "/etc/passwd", meta: { _type: "gradio.FileData" } }])).toMatch(/File not allowed: \/etc\/passwd/);
    expect(stream.values).toEqual([null, "a"]);
    expect(await send([null, "b"])).toBeNull();
    expect(stream.values).toEqual([null, "b"]);
    expect(await send([null, "c"])).toBeNull();
    expect(JSON.parse((await send([null, "d"]))!)).toMatchObject({ type: "stream_error", event_id: "e1", message: expect.stringMatching(/at most 2 a second/) });
    expect(stream.values).toEqual([null, "c"]);
    streams.closeAll();
  });
});

describe("Gradio's POST /stream/{event_id}", () => {
  it("takes the event's whole input values, and /close ends it", async () => {
    const s = await session();
    const id = await s.join(0);
    await s.until("the event to start", () => s.of(id, "process_starts").length === 1);
    const upload = new FormData();
    upload.append("files", new Blob([png(5, 2) as BlobPart], { type: "image/png" }), "f.png");
    const [path] = (await (await fetch(`${api}/upload`, { method: "POST", body: upload })).json()) as string[];
    const file = { path, meta: { _type: "gradio.FileData" } };
    const post = (url: string, body: unknown) =>
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const ok = await post(`${api}/stream/${id}`, { data: [file], session_hash: s.hash });
    expect(await ok.json()).toEqual({ msg: "success" });
    await s.until("an output", () => s.of(id, "process_streaming").length === 1);
    expect((s.of(id, "process_streaming")[0]!.output as { data: unknown[] }).data).toEqual(["5x2"]);
    const wrong = await post(`${api}/stream/${id}`, { data: [file, file], session_hash: s.hash });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/list of 1 input value/);
    const unknown = await post(`${api}/stream/nope`, { data: [file] });
    expect(unknown.status).toBe(404);
    const outside = await post(`${api}/stream/${id}`, { data: [{ path: "/etc/passwd", meta: { _type: "gradio.FileData" } }] });
    expect(outside.status).toBe(400);
    expect((await post(`${api}/stream/${id}/close`, { session_hash: s.hash })).status).toBe(200);
    await s.until("completion", () => s.of(id, "process_completed").length === 1);
    s.ws.close();
  });
});

describe("frame helpers", () => {
  it("decode a frame and sniff media kinds", () => {
    const f = decodeChunkFrame(frame({ event_id: "e", input: 1, mime_type: "image/png" }, png(1, 1)));
    expect(f).toMatchObject({ eventId: "e", input: 1, mimeType: "image/png" });
    expect(sniffChunk(f.payload)).toMatchObject({ kind: "image", ext: "png" });
    expect(sniffChunk(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toMatchObject({ kind: "audio", ext: "wav" });
    expect(sniffChunk(Buffer.from("hello"))).toBeNull();
  });
});
