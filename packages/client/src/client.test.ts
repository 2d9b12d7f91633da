/**
 * Transport tests: the client against a `node:http` server on 127.0.0.1 that replays the
 * transcripts captured in PROTOCOL.md (§3.4 simple call, §3.5 generator diffs, §3.7 errors,
 * §7.4 file output), plus the failure cases the protocol describes.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { WebSocket as NodeWebSocket } from "ws";
import { line, startMockApp, type MockApp, type MockOptions, type Msg } from "../test/mock-app.js";
import { Client, ClientError, connect, type JobMessage, type StatusMessage } from "./index.js";

/** The §7.1 greet/count/flip/fail app, plus a State endpoint, a non-queued one and an unnamed one. */
const config = {
  version: "6.25.0",
  protocol: "sse_v3",
  api_prefix: "/gradio_api",
  enable_queue: true,
  components: [
    { id: 1, type: "textbox", props: { label: "name" } },
    { id: 2, type: "textbox", props: { label: "output" } },
    { id: 3, type: "image", props: { label: "img_in" } },
    { id: 4, type: "image", props: { label: "img_out" } },
    { id: 5, type: "state", props: {} },
  ],
  dependencies: [
    { id: 0, api_name: "greet", inputs: [1], outputs: [2], queue: true, backend_fn: true, api_visibility: "public" },
    { id: 1, api_name: "count", inputs: [1], outputs: [2], queue: true, backend_fn: true, types: { generator: true, cancel: false } },
    { id: 2, api_name: "flip", inputs: [3], outputs: [4], queue: true, backend_fn: true },
    { id: 3, api_name: "fail", inputs: [1], outputs: [2], queue: true, backend_fn: true },
    { id: 4, api_name: "remember", inputs: [1, 5], outputs: [2, 5], queue: null, backend_fn: true },
    { id: 5, api_name: "fast", inputs: [1], outputs: [2], queue: false, backend_fn: true },
    { id: 6, api_name: null, inputs: [1], outputs: [2], queue: false, backend_fn: true },
  ],
};

const textParam = (name: string) => ({
  label: name,
  parameter_name: name,
  parameter_has_default: false,
  parameter_default: null,
  type: { type: "string" },
  python_type: { type: "str", description: "" },
  component: "Textbox",
});

const info = {
  named_endpoints: Object.fromEntries(
    ["greet", "count", "fail", "remember", "fast"].map((n) => [`/${n}`, { parameters: [textParam("name")], returns: [] }]),
  ),
  unnamed_endpoints: {},
};

// §3.4, as captured from gradio 6.25.0.
const simple = [
  'data: {"msg":"estimation","event_id":"e1","rank":0,"queue_size":1,"rank_eta":null}',
  'data: {"msg":"process_starts","event_id":"e1","eta":null}',
  'data: {"msg":"process_completed","event_id":"e1","output":{"data":["Hello World!"],"is_generating":false,"duration":0.0004,"average_duration":0.0004,"render_config":null,"changed_state_ids":[],"used_cache":null},"success":true,"title":null,"used_cache":null,"cache_duration":0.0004,"avg_time":0.0004}',
].map(line);

// §3.5: a generator yielding "step0 ", "step0 step1 ", "step0 step1 step2 ".
const generator = [
  'data: {"msg":"process_generating","event_id":"e2","output":{"data":["step0 "],"is_generating":true,"duration":0.01,"average_duration":null,"render_config":null,"changed_state_ids":[]},"success":true,"time_limit":null}',
  'data: {"msg":"process_generating","event_id":"e2","output":{"data":[[["append",[],"step1 "]]],"is_generating":true,"duration":0.01,"average_duration":null,"render_config":null,"changed_state_ids":[]},"success":true,"time_limit":null}',
  'data: {"msg":"process_generating","event_id":"e2","output":{"data":[[["append",[],"step2 "]]],"is_generating":true,"duration":0.01,"average_duration":null,"render_config":null,"changed_state_ids":[]},"success":true,"time_limit":null}',
  'data: {"msg":"process_completed","event_id":"e2","output":{"data":["step0 step1 step2 "],"is_generating":false,"duration":0.03,"average_duration":0.03,"render_config":null,"changed_state_ids":[]},"success":true,"title":null,"used_cache":null,"cache_duration":null,"avg_time":null}',
].map(line);

// §3.7: a gr.Error.
const failure = line(
  'data: {"msg":"process_completed","event_id":"e3","success":false,"title":"Error","output":{"error":"Boom: bad input xyz","duration":10,"visible":true,"title":"Error"},"used_cache":null,"cache_duration":null,"avg_time":null}',
);

// §7.4: an image back as FileData.
const fileOutput = {
  path: "/srv/gradio-cache/77aa/image.webp",
  url: "https://demo.example.com/gradio_api/file=/srv/gradio-cache/77aa/image.webp",
  size: null,
  orig_name: "image.webp",
  mime_type: null,
  is_stream: false,
  meta: { _type: "gradio.FileData" },
};
const flip = [
  'data: {"msg":"estimation","event_id":"a1b2c3","rank":0,"queue_size":1,"rank_eta":null}',
  'data: {"msg":"process_starts","event_id":"a1b2c3","eta":null}',
  `data: {"msg":"process_completed","event_id":"a1b2c3","success":true,"title":null,"output":{"data":[${JSON.stringify(fileOutput)}],"is_generating":false,"duration":0.02,"average_duration":0.02,"render_config":null,"changed_state_ids":[]}}`,
].map(line);

const replay =
  (messages: Msg[]) =>
  (ctx: { emit(m: Msg): void }): void => {
    for (const m of messages) ctx.emit(m);
  };

const defaultScripts: MockOptions["scripts"] = {
  0: (ctx) => replay(simple.map((m) => withData(m, [`Hello ${String((ctx.body["data"] as unknown[])[0])}!`])))(ctx),
  1: replay(generator),
  2: replay(flip),
  3: replay([failure]),
  4: (ctx) => {
    ctx.emit({ msg: "process_completed", output: { data: [`kept ${String((ctx.body["data"] as unknown[])[0])}`, null] }, success: true });
  },
};

/** Replaces the `data` of a `process_completed` message's output. */
function withData(msg: Msg, data: unknown[]): Msg {
  if (msg["msg"] !== "process_completed") return msg;
  return { ...msg, output: { ...(msg["output"] as Msg), data } };
}

let app: MockApp | null = null;
let client: Client | null = null;

async function start(options: Partial<MockOptions> = {}, clientOptions = {}): Promise<{ app: MockApp; client: Client }> {
  app = await startMockApp({ config, info, scripts: defaultScripts, ...options });
  client = await Client.connect(`${app.url}/`, clientOptions);
  return { app, client };
}

afterEach(async () => {
  client?.close();
  client = null;
  await app?.close();
  app = null;
});

async function collect(job: AsyncIterable<JobMessage>): Promise<JobMessage[]> {
  const out: JobMessage[] = [];
  for await (const m of job) out.push(m);
  return out;
}

/** The messages without their `time`, for comparisons. */
function shape(messages: JobMessage[]): Msg[] {
  return messages.map((m) => {
    const { time: _time, ...rest } = m as JobMessage & { time: Date };
    return rest as Msg;
  });
}

const last = <T>(list: T[]): T => list[list.length - 1]!;

describe("connect", () => {
  it("loads /config then /info, resolves root and makes a session hash", async () => {
    const { app, client } = await start();
    expect(app.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /config", "GET /gradio_api/info"]);
    expect(client.config.root).toBe(app.url);
    expect(client.session_hash).toMatch(/^[0-9a-z]{11}$/);
    expect(await client.view_api()).toEqual(info);
    const other = await connect(app.url, { session_hash: "fixed" });
    expect(other.session_hash).toBe("fixed");
    expect(other.session_hash).not.toBe(client.session_hash);
    other.close();
  });

  it("uses a non-empty config.root for every later call", async () => {
    const mounted = await startMockApp({ config, info, scripts: defaultScripts, mount: "/mounted" });
    try {
      // Connect through a different spelling of the address; root points at the mounted app.
      const direct = await startMockApp({ config: { ...config, root: `${mounted.url}/` }, info });
      try {
        const c = await Client.connect(direct.url);
        expect(c.config.root).toBe(mounted.url);
        expect((await c.predict("/greet", ["Root"])).data).toEqual(["Hello Root!"]);
        expect(mounted.count("POST", "/gradio_api/queue/join")).toBe(1);
        expect(direct.count("POST", "/gradio_api/queue/join")).toBe(0);
        c.close();
      } finally {
        await direct.close();
      }
    } finally {
      await mounted.close();
    }
  });

  it("sends the given headers on every request", async () => {
    const { app, client } = await start({}, { headers: { authorization: "Bearer t0k" } });
    await client.predict("/greet", ["H"]);
    for (const r of app.requests) expect(r.headers["authorization"]).toBe("Bearer t0k");
  });

  it("uses the fetch it is given", async () => {
    const a = await startMockApp({ config, info, scripts: defaultScripts });
    app = a;
    const seen: string[] = [];
    const c = await Client.connect(a.url, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    client = c;
    await c.predict("/greet", ["F"]);
    expect(seen.map((u) => u.replace(a.url, "").replace(/\?.*/, ""))).toEqual([
      "/config",
      "/gradio_api/info",
      "/gradio_api/queue/join",
      "/gradio_api/queue/data",
    ]);
  });

  it("refuses apps that do not speak sse_v3, and unreachable ones", async () => {
    const old = await startMockApp({ config: { ...config, protocol: "ws" }, info });
    try {
      await expect(Client.connect(old.url)).rejects.toThrow(/only speaks "sse_v3"/);
    } finally {
      await old.close();
    }
    await expect(Client.connect(`${old.url}/`)).rejects.toThrow(/Could not load the app config/);
  });
});

describe("queued calls (§3.4)", () => {
  it("predict() joins the queue with the documented body and resolves with the output", async () => {
    const { app, client } = await start();
    const result = await client.predict("/greet", ["World"]);
    expect(result).toMatchObject({ type: "data", data: ["Hello World!"], endpoint: "/greet", fn_index: 0 });
    expect(result.time).toBeInstanceOf(Date);
    const join = app.requests.find((r) => r.path === "/gradio_api/queue/join")!;
    expect(join.body).toEqual({
      data: ["World"],
      event_data: null,
      fn_index: 0,
      trigger_id: null,
      session_hash: client.session_hash,
    });
    expect(join.headers["x-gradio-user"]).toBe("api");
    expect(join.headers["content-type"]).toBe("application/json");
    const stream = app.requests.find((r) => r.path === "/gradio_api/queue/data")!;
    expect(stream.query.get("session_hash")).toBe(client.session_hash);
  });

  it("submit() yields pending statuses, the data, then complete", async () => {
    const { client } = await start();
    const job = client.submit("greet", ["World"], { event_data: { x: 1 }, trigger_id: 9 });
    const messages = await collect(job);
    expect(await job.event_id).toBe("e1");
    const base = { endpoint: "/greet", fn_index: 0 };
    expect(shape(messages)).toEqual([
      { type: "status", stage: "pending", queue: true, ...base },
      { type: "status", stage: "pending", queue: true, position: 0, size: 1, eta: null, ...base },
      { type: "status", stage: "pending", queue: true, position: 0, eta: null, ...base },
      { type: "data", data: ["Hello World!"], event_data: { x: 1 }, ...base },
      { type: "status", stage: "complete", queue: true, success: true, ...base },
    ]);
  });

  it("calls by numeric fn_index and with keyword arguments", async () => {
    const { app, client } = await start();
    expect((await client.predict(0, ["N"])).data).toEqual(["Hello N!"]);
    expect((await client.predict("/greet", { name: "K" })).data).toEqual(["Hello K!"]);
    const joins = app.requests.filter((r) => r.path === "/gradio_api/queue/join").map((r) => (r.body as Msg)["data"]);
    expect(joins).toEqual([["N"], ["K"]]);
  });

  it("rejects unknown endpoints and bad arguments before any request", async () => {
    const { app, client } = await start();
    await expect(client.predict("/nope", [])).rejects.toThrow(
      'There is no endpoint named "/nope". Available endpoints: /greet, /count, /flip, /fail, /remember, /fast.',
    );
    expect(() => client.submit(99)).toThrow(/No dependency has fn_index 99/);
    await expect(client.predict("/greet", { nom: "x" })).rejects.toThrow(/Unknown argument "nom" for \/greet/);
    await expect(client.predict("/greet", {})).rejects.toThrow(/Missing required argument "name"/);
    expect(app.count("POST", "/gradio_api/queue/join")).toBe(0);
  });

  it("inserts null for State inputs and removes State outputs", async () => {
    const { app, client } = await start();
    expect((await client.predict("/remember", ["me"])).data).toEqual(["kept me"]);
    const join = app.requests.find((r) => r.path === "/gradio_api/queue/join")!;
    expect((join.body as Msg)["data"]).toEqual(["me", null]);
    // queue: null falls back to enable_queue: true.
    expect(app.count("POST", "/gradio_api/queue/join")).toBe(1);
  });

  it("keeps State outputs with with_null_state", async () => {
    const { client } = await start({}, { with_null_state: true });
    expect((await client.predict("/remember", ["me"])).data).toEqual(["kept me", null]);
  });

  it("returns FileData outputs as sent (§7.4)", async () => {
    const { client } = await start();
    const input = { path: "/srv/gradio-cache/9f2c/cat.png", orig_name: "cat.png", meta: { _type: "gradio.FileData" } };
    expect((await client.predict("/flip", [input])).data).toEqual([fileOutput]);
  });

  it("turns log and progress messages into log and pending statuses", async () => {
    const { client } = await start({
      scripts: {
        0: (ctx) => {
          ctx.emit({ msg: "process_starts", eta: 1.5 });
          ctx.emit({ msg: "progress", progress_data: [{ index: 1, length: 4, unit: "steps", progress: null, desc: "x" }] });
          ctx.emit({ msg: "log", log: "careful", level: "warning", title: "Warning", duration: 5, visible: true });
          ctx.emit({ msg: "heartbeat" });
          ctx.emit({ msg: "process_completed", output: { data: ["ok"] }, success: true });
        },
      },
    });
    const messages = shape(await collect(client.submit("/greet", ["x"])));
    expect(messages).toContainEqual({
      type: "status",
      stage: "pending",
      queue: true,
      progress_data: [{ index: 1, length: 4, unit: "steps", progress: null, desc: "x" }],
      endpoint: "/greet",
      fn_index: 0,
    });
    expect(messages).toContainEqual({ type: "status", stage: "pending", queue: true, position: 0, eta: 1.5, endpoint: "/greet", fn_index: 0 });
    expect(messages).toContainEqual({
      type: "log",
      log: "careful",
      level: "warning",
      title: "Warning",
      duration: 5,
      visible: true,
      endpoint: "/greet",
      fn_index: 0,
    });
    expect(last(messages)).toMatchObject({ type: "status", stage: "complete" });
  });

  it("reads a stream with CRLF, comments and chunks split anywhere", async () => {
    const { client } = await start({
      messyStream: true,
      scripts: { 0: (ctx) => ctx.emit({ msg: "process_completed", output: { data: ["héllo ✓ 🎉"] }, success: true }) },
    });
    expect((await client.predict("/greet", ["x"])).data).toEqual(["héllo ✓ 🎉"]);
  });
});

describe("generators (§3.5)", () => {
  it("applies the diffs and yields generating + data per step, then the final data", async () => {
    const { client } = await start();
    const messages = await collect(client.submit("/count", ["x"]));
    const relevant = messages
      .filter((m) => m.type === "data" || (m.type === "status" && m.stage !== "pending"))
      .map((m) => (m.type === "data" ? m.data : (m as StatusMessage).stage));
    expect(relevant).toEqual([
      "generating",
      ["step0 "],
      "generating",
      ["step0 step1 "],
      "generating",
      ["step0 step1 step2 "],
      ["step0 step1 step2 "],
      "complete",
    ]);
    expect((await client.predict("/count", ["x"])).data).toEqual(["step0 step1 step2 "]);
  });

  it("fails the job when an intermediate diff cannot be applied", async () => {
    const { client } = await start({
      scripts: {
        1: (ctx) => {
          ctx.emit({ msg: "process_generating", output: { data: ["a"] }, success: true });
          ctx.emit({ msg: "process_generating", output: { data: ["full value, not a diff"] }, success: true });
        },
      },
    });
    const messages = await collect(client.submit("/count", ["x"]));
    expect(last(messages)).toMatchObject({ type: "status", stage: "error", code: "protocol_error" });
    expect((last(messages) as StatusMessage).message).toMatch(/Could not apply a streamed update/);
  });
});

describe("errors (§3.7)", () => {
  it("predict() rejects with the app's message, title, duration and visible", async () => {
    const { client } = await start();
    const err = await client.predict("/fail", ["x"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ message: "Boom: bad input xyz", title: "Error", duration: 10, visible: true });
  });

  it("uses 'An error occurred' when the app hides the details", async () => {
    const { client } = await start({
      scripts: { 3: (ctx) => ctx.emit({ msg: "process_completed", output: { error: null }, success: false, title: null }) },
    });
    await expect(client.predict("/fail", ["x"])).rejects.toMatchObject({ message: "An error occurred", title: "Error" });
  });

  it("reports an error raised after some yields", async () => {
    const { client } = await start({
      scripts: {
        1: (ctx) => {
          ctx.emit({ msg: "process_generating", output: { data: ["a"] }, success: true });
          ctx.emit({ ...failure, event_id: undefined });
        },
      },
    });
    const messages = await collect(client.submit("/count", ["x"]));
    expect(messages.filter((m) => m.type === "data").map((m) => (m as { data: unknown[] }).data)).toEqual([["a"]]);
    expect(last(messages)).toMatchObject({ stage: "error", message: "Boom: bad input xyz", success: false });
  });

  it("turns a 503 on queue/join into a queue-full error", async () => {
    const { client } = await start({
      joinReply: () => ({ status: 503, body: { detail: "Queue is full. Please try again later." } }),
    });
    const messages = await collect(client.submit("/greet", ["x"]));
    expect(last(messages)).toMatchObject({
      type: "status",
      stage: "error",
      code: "queue_full",
      message: "Queue is full. Please try again later.",
    });
    await expect(client.predict("/greet", ["x"])).rejects.toMatchObject({ code: "queue_full" });
  });

  it("turns a 422 on queue/join into a validation error listing the messages", async () => {
    const { client } = await start({
      joinReply: () => ({
        status: 422,
        body: {
          detail: [
            { __type__: "validate", is_valid: false, message: "Name is too short", parameter_name: "name" },
            { __type__: "validate", is_valid: true, message: "", parameter_name: "other" },
          ],
        },
      }),
    });
    await expect(client.predict("/greet", ["x"])).rejects.toMatchObject({
      code: "validation_error",
      message: "name: Name is too short",
    });
  });

  it("uses detail or error for other join failures", async () => {
    const { client } = await start({ joinReply: () => ({ status: 400, body: { detail: "Session hash not found." } }) });
    await expect(client.predict("/greet", ["x"])).rejects.toMatchObject({ message: "Session hash not found.", code: "http_error" });
    expect(await client.submit("/greet", ["x"]).event_id).toBeNull();
  });

  it("fails every waiting job on an unexpected_error without event_id", async () => {
    const { app, client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") } });
    const a = client.predict("/greet", ["a"]);
    const b = client.predict("/greet", ["b"]);
    const jobsJoined = async () => {
      while (app.count("GET", "/gradio_api/queue/data") === 0 || app.count("POST", "/gradio_api/queue/join") < 2) {
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await jobsJoined();
    await new Promise((r) => setTimeout(r, 20));
    app.emitToSession(client.session_hash, { msg: "unexpected_error", event_id: null, message: "Server restarted", success: false });
    await expect(a).rejects.toMatchObject({ message: "Server restarted", code: "unexpected_error" });
    await expect(b).rejects.toMatchObject({ message: "Server restarted" });
  });
});

describe("the shared stream (§3.2)", () => {
  it("serves concurrent calls over one stream, and reopens it after close_stream", async () => {
    const { app, client } = await start({
      scripts: {
        0: async (ctx) => {
          await ctx.waitFor("go");
          replay(simple.map((m) => withData(m, [`Hello ${String((ctx.body["data"] as unknown[])[0])}!`])))(ctx);
        },
      },
    });
    const a = client.predict("/greet", ["A"]);
    const b = client.predict("/greet", ["B"]);
    while (app.count("POST", "/gradio_api/queue/join") < 2) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    app.release("go");
    expect((await a).data).toEqual(["Hello A!"]);
    expect((await b).data).toEqual(["Hello B!"]);
    expect(app.count("GET", "/gradio_api/queue/data")).toBe(1);
    expect((await client.predict("/greet", ["C"])).data).toEqual(["Hello C!"]);
    expect(app.count("GET", "/gradio_api/queue/data")).toBe(2);
  });

  it("keeps messages that arrive before the join answers", async () => {
    const { app, client } = await start({
      scripts: { 0: (ctx) => ctx.waitFor("first") },
      beforeJoinReply: (ctx) => {
        // The second call's whole transcript goes out on the open stream before its join answers.
        if (ctx.event_id === "e2") {
          for (const m of simple) ctx.emit(withData(m, ["early bird"]));
          return new Promise((r) => setTimeout(r, 50));
        }
      },
    });
    const first = client.submit("/greet", ["1"]);
    while (app.count("GET", "/gradio_api/queue/data") === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await client.predict("/greet", ["2"]);
    expect(second.data).toEqual(["early bird"]);
    await first.cancel();
  });

  it("reopens the stream if the server closes it while calls still wait", async () => {
    const { app, client } = await start({
      scripts: {
        0: async (ctx) => {
          await ctx.waitFor("go");
          replay(simple)(ctx);
        },
        3: (ctx) => {
          // A server that decided to close just as this event joined: its messages wait on the server.
          const s = app.sessions.get(ctx.session_hash)!;
          s.res?.write('data: {"msg":"close_stream","event_id":null}\n\n');
          s.res?.end();
          s.res = null;
          replay(simple)(ctx);
        },
      },
    });
    const a = client.predict("/greet", ["A"]);
    while (app.count("GET", "/gradio_api/queue/data") === 0) await new Promise((r) => setTimeout(r, 5));
    expect((await client.predict("/fail", ["B"])).data).toEqual(["Hello World!"]);
    app.release("go");
    expect((await a).data).toEqual(["Hello World!"]);
    expect(app.count("GET", "/gradio_api/queue/data")).toBe(2);
  });

  it("fails waiting jobs when the stream drops, instead of hanging", async () => {
    const { app, client } = await start({
      scripts: {
        0: (ctx) => {
          ctx.emit(simple[0]!);
          setTimeout(() => app.dropStreams("destroy"), 30);
        },
      },
    });
    const messages = await collect(client.submit("/greet", ["x"]));
    expect(last(messages)).toMatchObject({ type: "status", stage: "error", code: "connection_lost" });
    expect((last(messages) as StatusMessage).message).toMatch(/^Lost the connection to the server/);
  });

  it("fails waiting jobs when the stream ends without close_stream", async () => {
    const { app, client } = await start({
      scripts: {
        0: (ctx) => {
          ctx.emit(simple[0]!);
          setTimeout(() => app.dropStreams("end"), 30);
        },
      },
    });
    await expect(client.predict("/greet", ["x"])).rejects.toMatchObject({
      code: "connection_lost",
      message: expect.stringMatching(/ended without close_stream/),
    });
  });
});

describe("non-queued calls (§4.1)", () => {
  const run: MockOptions["run"] = (name, body) => {
    const data = body["data"] as unknown[];
    if (data[0] === "boom") return { status: 500, body: { error: "Boom NQ", duration: 10, visible: true, title: "Oops" } };
    if (data[0] === "nodata") return { status: 200, body: { is_generating: false } };
    return { status: 200, body: { data: [`Hello ${String(data[0])} via ${name}/${String(body["fn_index"])}`], is_generating: false } };
  };

  it("POSTs to /run/{api_name} and yields data then complete", async () => {
    const { app, client } = await start({ run });
    const messages = shape(await collect(client.submit("/fast", ["NQ"])));
    expect(messages).toEqual([
      { type: "status", stage: "pending", queue: false, endpoint: "/fast", fn_index: 5 },
      { type: "data", data: ["Hello NQ via fast/5"], event_data: null, endpoint: "/fast", fn_index: 5 },
      { type: "status", stage: "complete", queue: false, success: true, endpoint: "/fast", fn_index: 5 },
    ]);
    const req = app.requests.find((r) => r.path === "/gradio_api/run/fast")!;
    expect(req.headers["x-gradio-user"]).toBe("api");
    expect(req.body).toMatchObject({ data: ["NQ"], fn_index: 5, session_hash: client.session_hash });
    expect(app.count("POST", "/gradio_api/queue/join")).toBe(0);
  });

  it("POSTs unnamed dependencies to /run/predict with their fn_index", async () => {
    const { client } = await start({ run });
    const r = await client.predict(6, ["U"]);
    expect(r).toMatchObject({ data: ["Hello U via predict/6"], endpoint: "/predict", fn_index: 6 });
  });

  it("rejects with the error payload of a 500", async () => {
    const { client } = await start({ run });
    await expect(client.predict("/fast", ["boom"])).rejects.toMatchObject({
      message: "Boom NQ",
      title: "Oops",
      duration: 10,
      visible: true,
    });
  });

  it("fails a 200 answer that carries no data", async () => {
    const { client } = await start({ run });
    await expect(client.predict("/fast", ["nodata"])).rejects.toMatchObject({ code: "protocol_error" });
  });
});

describe("cancellation (§6.2)", () => {
  it("cancel() posts /cancel then /reset and ends the job as the server reports", async () => {
    const { app, client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") } });
    const job = client.submit("/greet", ["x"]);
    const eventId = await job.event_id;
    expect(eventId).toBe("e1");
    const messages = collect(job);
    await job.cancel();
    const done = await messages;
    expect(last(done)).toMatchObject({ type: "status", stage: "cancelled", code: "cancelled", success: false });
    const posts = app.requests.filter((r) => r.method === "POST").map((r) => [r.path, r.body]);
    expect(posts).toEqual([
      ["/gradio_api/queue/join", expect.anything()],
      ["/gradio_api/cancel", { event_id: "e1", session_hash: client.session_hash, fn_index: 0 }],
      ["/gradio_api/reset", { event_id: "e1" }],
    ]);
    await job.cancel(); // a second cancel does nothing
    expect(app.count("POST", "/gradio_api/cancel")).toBe(1);
  });

  it("never hangs when the server says nothing after /cancel", async () => {
    const { client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") }, onCancel: () => undefined });
    const job = client.submit("/greet", ["x"]);
    await job.event_id;
    await job.cancel();
    const messages = await collect(job);
    expect(last(messages)).toMatchObject({ stage: "cancelled", code: "cancelled" });
  });

  it("reports the server's own final message if it comes first", async () => {
    const { client } = await start({
      scripts: { 0: (ctx) => ctx.waitFor("never") },
      onCancel: (eventId, a) => {
        const s = [...a.sessions.keys()][0]!;
        a.emitToSession(s, { msg: "process_completed", event_id: eventId, output: { data: ["partial"] }, success: true });
      },
    });
    const job = client.submit("/greet", ["x"]);
    await job.event_id;
    const all = collect(job);
    await job.cancel();
    const messages = await all;
    // The completion was written before /cancel answered, so it is read before /reset returns.
    expect(messages.filter((m) => m.type === "data").map((m) => (m as { data: unknown[] }).data)).toEqual([["partial"]]);
    expect(last(messages)).toMatchObject({ type: "status", stage: "complete", success: true });
  });

  it("an aborted signal cancels predict()", async () => {
    const { app, client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") } });
    const controller = new AbortController();
    const p = client.predict("/greet", ["x"], { signal: controller.signal });
    while (app.count("GET", "/gradio_api/queue/data") === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(p).rejects.toMatchObject({ code: "cancelled", message: "The call was cancelled." });
    expect(app.count("POST", "/gradio_api/cancel")).toBe(1);
    const pre = new AbortController();
    pre.abort();
    await expect(client.predict("/greet", ["x"], { signal: pre.signal })).rejects.toMatchObject({ code: "cancelled" });
    expect(app.count("POST", "/gradio_api/queue/join")).toBe(1);
  });
});

describe("a cancelled job", () => {
  const stages = (messages: JobMessage[]) => messages.filter((m): m is StatusMessage => m.type === "status").map((m) => m.stage);

  it("ends with a final `cancelled` status, never `complete`", async () => {
    const { client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") } });
    const job = client.submit("/greet", ["x"]);
    await job.event_id;
    const messages = collect(job);
    await job.cancel();
    const done = await messages;
    expect(stages(done)).not.toContain("complete");
    expect(last(done)).toMatchObject({ type: "status", stage: "cancelled", success: false, code: "cancelled", message: "Cancelled" });
  });

  it("ends as `cancelled` when the server cancels it (a completion with no output)", async () => {
    const { client } = await start({
      scripts: { 0: (ctx) => ctx.emit({ msg: "process_completed", output: {}, success: true }) },
    });
    const done = await collect(client.submit("/greet", ["x"]));
    expect(stages(done)).toEqual(["pending", "cancelled"]);
    await expect(client.predict("/greet", ["x"])).rejects.toMatchObject({ code: "cancelled" });
  });

  it("ends as `cancelled` when its signal was already aborted", async () => {
    const { app, client } = await start();
    const controller = new AbortController();
    controller.abort();
    const done = await collect(client.submit("/greet", ["x"], { signal: controller.signal }));
    expect(shape(done)).toEqual([
      { type: "status", stage: "cancelled", queue: true, message: "Cancelled", success: false, code: "cancelled", endpoint: "/greet", fn_index: 0 },
    ]);
    expect(app.count("POST", "/gradio_api/queue/join")).toBe(0);
  });
});

describe("the live channel", () => {
  const until = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((r) => setTimeout(r, 5));
  };
  const livePath = (c: Client) => `/gradio_api/live/${c.session_hash}`;
  const heartbeatPath = (c: Client) => `/gradio_api/heartbeat/${c.session_hash}`;

  it("heartbeat: true opens a WebSocket at {api_prefix}/live/{session}, not the heartbeat stream", async () => {
    const { app, client } = await start({ liveChannel: true, mount: "/mounted" }, { heartbeat: true, WebSocket: NodeWebSocket });
    await until(() => app.live.size === 1);
    expect(app.requests.filter((r) => r.method === "WS").map((r) => r.path)).toEqual([livePath(client)]);
    expect((await client.predict("/greet", ["x"])).data).toEqual(["Hello x!"]);
    expect(app.count("GET", heartbeatPath(client))).toBe(0);
    client.close();
    await until(() => app.live.size === 0);
  });

  it("reopens it when it drops", async () => {
    const { app, client } = await start({ liveChannel: true }, { heartbeat: true, WebSocket: NodeWebSocket });
    await until(() => app.live.size === 1);
    for (const ws of app.live) ws.terminate();
    await until(() => app.count("WS", livePath(client)) === 2 && app.live.size === 1);
    expect(app.count("GET", heartbeatPath(client))).toBe(0);
  });

  it("sends the client's headers with the WebSocket handshake", async () => {
    const { app } = await start({ liveChannel: true }, { heartbeat: true, WebSocket: NodeWebSocket, headers: { "x-token": "t1" } });
    await until(() => app.live.size === 1);
    expect(app.requests.find((r) => r.method === "WS")!.headers["x-token"]).toBe("t1");
  });

  it("uses the heartbeat stream where the server has no live channel (Gradio)", async () => {
    const { app, client } = await start({}, { heartbeat: true, WebSocket: NodeWebSocket });
    await until(() => app.count("GET", heartbeatPath(client)) === 1);
    expect(app.count("WS", livePath(client))).toBe(0);
  });

  it("stream_chunk sends a binary chunk frame on it, close_stream a JSON message; stream errors reach on_stream_error", async () => {
    const { app, client } = await start({ liveChannel: true }, { heartbeat: true, WebSocket: NodeWebSocket });
    await until(() => app.live.size === 1);
    const [ws] = [...app.live];
    const got: [Buffer, boolean][] = [];
    ws!.on("message", (data: Buffer, isBinary: boolean) => got.push([data, isBinary]));
    const errors: unknown[] = [];
    client.on_stream_error((e) => errors.push(e));
    // Until the client's side of the socket is open, nothing is sent and the answer is false.
    while (!(await client.stream_chunk("ev1", 1, new Uint8Array([9, 8, 7]), "image/png"))) await new Promise((r) => setTimeout(r, 5));
    await client.stream_chunk("ev1", 0, new Blob([new Uint8Array([5])], { type: "audio/wav" }));
    await client.close_stream("ev1");
    await until(() => got.length === 3);
    const [frame, binary] = got[0]!;
    expect(binary).toBe(true);
    expect(frame[0]).toBe(0x01);
    expect(JSON.parse(frame.subarray(2, 2 + frame[1]!).toString())).toEqual({ event_id: "ev1", input: 1, mime_type: "image/png" });
    expect([...frame.subarray(2 + frame[1]!)]).toEqual([9, 8, 7]);
    const second = got[1]![0];
    expect(JSON.parse(second.subarray(2, 2 + second[1]!).toString())).toEqual({ event_id: "ev1", input: 0, mime_type: "audio/wav" });
    expect(got[2]![1]).toBe(false);
    expect(JSON.parse(got[2]![0].toString())).toEqual({ type: "close_stream", event_id: "ev1" });
    ws!.send(JSON.stringify({ type: "stream_error", event_id: "ev1", message: "Stream chunk too large" }));
    await until(() => errors.length === 1);
    expect(errors).toEqual([{ event_id: "ev1", message: "Stream chunk too large" }]);
    client.close();
  });

  it("stream_chunk answers false with no live channel (send_chunk is Gradio's way then)", async () => {
    const { client } = await start({}, { heartbeat: false });
    expect(await client.stream_chunk("ev1", 0, new Uint8Array([1]))).toBe(false);
  });

  it("reopens the heartbeat stream when it ends", async () => {
    const { app, client } = await start({}, { heartbeat: true, WebSocket: null });
    await until(() => app.count("GET", heartbeatPath(client)) === 1);
    app.endHeartbeats();
    await until(() => app.count("GET", heartbeatPath(client)) === 2);
  });
});

describe("close()", () => {
  it("ends running jobs, aborts the streams and refuses new calls", async () => {
    const { app, client } = await start({ scripts: { 0: (ctx) => ctx.waitFor("never") } }, { heartbeat: true, WebSocket: null });
    const p = client.predict("/greet", ["x"]);
    while (app.count("GET", "/gradio_api/queue/data") === 0) await new Promise((r) => setTimeout(r, 5));
    expect(app.count("GET", `/gradio_api/heartbeat/${client.session_hash}`)).toBe(1);
    client.close();
    await expect(p).rejects.toMatchObject({ code: "closed" });
    expect(() => client.submit("/greet", ["x"])).toThrow(/closed/);
  });
});
