/** The wire protocol as raw HTTP: framing, buffering, diffs, errors, cancel, close_stream. */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type RunningServer } from "./index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RunningServer;
let api: string;

beforeAll(async () => {
  const app = Blocks(() => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    text.submit({ fn: (t: string) => t.toUpperCase(), inputs: [text], outputs: [out], api_name: "upper" });
    text.change({
      fn: function* (t: string) {
        yield t;
        yield `${t}!`;
        yield "reset";
      },
      inputs: [text],
      outputs: [out],
      api_name: "steps",
    });
    text.blur({
      fn: () => {
        throw new VitrineError("Nope", { title: "Bad", duration: 3 });
      },
      inputs: [],
      outputs: [out],
      api_name: "fail",
    });
    text.focus({
      fn: () => {
        throw new RangeError("secret internals");
      },
      outputs: [out],
      api_name: "crash",
    });
    text.input({
      fn: async (t: string, { signal }) => {
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        return t;
      },
      inputs: [text],
      outputs: [out],
      api_name: "forever",
      concurrency_limit: null,
    });
  });
  server = await launch(app, { server_port: 0, quiet: true });
  api = `${server.url}gradio_api`;
});
afterAll(() => server.close());

async function join(fn_index: number, data: unknown[], session_hash: string): Promise<string> {
  const res = await fetch(`${api}/queue/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data, fn_index, session_hash }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { event_id: string }).event_id;
}

/** Reads the session stream to its end; returns the raw text and the parsed messages. */
async function readStream(session: string): Promise<{ raw: string; messages: any[] }> {
  const res = await fetch(`${api}/queue/data?session_hash=${session}`);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const raw = await res.text();
  return { raw, messages: raw.split("\n\n").filter(Boolean).map((block) => JSON.parse(block.slice("data: ".length))) };
}

describe("sse_v3 protocol", () => {
  it("buffers messages until the stream attaches, frames them strictly, and closes the stream", async () => {
    const id = await join(0, ["hi"], "buffered");
    await sleep(50); // the event completes before the stream is opened
    const { raw, messages } = await readStream("buffered");
    for (const block of raw.split("\n\n").filter(Boolean)) expect(block).toMatch(/^data: \{.*\}$/);
    expect(raw).not.toContain("\r");
    expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_starts", "process_completed", "close_stream"]);
    expect(messages[2]).toMatchObject({ event_id: id, success: true, output: { data: ["HI"], is_generating: false } });
    expect(messages[3]).toEqual({ msg: "close_stream", event_id: null });
  });

  it("sends full values first, then diffs, then the full final value", async () => {
    await join(1, ["go"], "gen");
    const { messages } = await readStream("gen");
    const generating = messages.filter((m) => m.msg === "process_generating").map((m) => m.output.data);
    expect(generating).toEqual([["go"], [[["append", [], "!"]]], [[["replace", [], "reset"]]]]);
    expect(messages.find((m) => m.msg === "process_completed").output.data).toEqual(["reset"]);
  });

  it("keeps one stream open across several events of a session", async () => {
    const a = await join(0, ["a"], "multi");
    const b = await join(0, ["b"], "multi");
    const { messages } = await readStream("multi");
    const completed = messages.filter((m) => m.msg === "process_completed");
    expect(completed.map((m) => [m.event_id, m.output.data[0]])).toEqual([[a, "A"], [b, "B"]]);
    expect(messages[messages.length - 1].msg).toBe("close_stream");
    expect(messages.filter((m) => m.msg === "close_stream")).toHaveLength(1);
  });

  it("reports a vt.Error with its message and options, and logs but hides other errors", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await join(2, [], "errors");
    await join(3, [], "errors");
    const { messages } = await readStream("errors");
    const [userError, crash] = messages.filter((m) => m.msg === "process_completed");
    expect(userError).toMatchObject({ success: false, title: "Bad", output: { error: "Nope", title: "Bad", duration: 3, visible: true } });
    expect(crash).toMatchObject({ success: false, output: { error: null } });
    expect(JSON.stringify(crash)).not.toContain("secret");
    expect(String(logged.mock.calls[0]?.[1])).toContain("secret internals");
    logged.mockRestore();
  });

  it("cancel aborts a running event's signal and completes it with an empty output", async () => {
    const id = await join(4, ["x"], "cancel");
    const reading = readStream("cancel");
    await sleep(50);
    const res = await fetch(`${api}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event_id: id, session_hash: "cancel", fn_index: 4 }),
    });
    expect(await res.json()).toEqual({ success: true });
    const { messages } = await reading;
    expect(messages.find((m) => m.msg === "process_completed")).toMatchObject({ event_id: id, output: {}, success: true });
    expect(messages[messages.length - 1].msg).toBe("close_stream");
  });

  it("serves the run route for direct calls, with a 500 error payload on failure", async () => {
    const ok = await fetch(`${api}/run/upper`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["direct"] }),
    });
    expect(await ok.json()).toMatchObject({ data: ["DIRECT"] });
    const bad = await fetch(`${api}/run/fail`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: [] }),
    });
    expect(bad.status).toBe(500);
    expect(await bad.json()).toEqual({ error: "Nope", duration: 3, visible: true, title: "Bad" });
  });

  it("keeps the heartbeat stream open with ALIVE messages", async () => {
    const controller = new AbortController();
    const res = await fetch(`${api}/heartbeat/hb`, { signal: controller.signal });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe("data: ALIVE\n\n");
    controller.abort();
  });

  it("computes root from the request, ignoring X-Forwarded headers from an untrusted peer", async () => {
    const plain = (await (await fetch(`${server.url}config`)).json()) as { root: string };
    expect(plain.root).toBe(server.url.replace(/\/$/, ""));
    const forged = await fetch(`${server.url}config`, {
      headers: { "x-forwarded-host": "demo.example.com", "x-forwarded-proto": "https" },
    });
    // Trusted proxies (trusted_proxies) are tested in security.test.ts.
    expect(((await forged.json()) as { root: string }).root).toBe(plain.root);
  });
});
