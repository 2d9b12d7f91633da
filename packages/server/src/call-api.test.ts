/** The plain-HTTP (curl) API: its helpers, and its routes on a launched app. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, type ApiParameter } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { applyDiff, namedData, positionalData, sseChunk } from "./call-api.js";
import { diff } from "./diff.js";
import { launch, type RunningServer } from "./index.js";
import { BadRequest } from "./join.js";

describe("applyDiff", () => {
  it("undoes diff() for strings, lists, objects and replacements", () => {
    const pairs: [unknown, unknown][] = [
      ["Hel", "Hello"],
      ["abc", "xyz"],
      [[1, 2, 3], [1, 5]],
      [[1], [1, 2, 3]],
      [{ a: "x", b: 1 }, { a: "xy", c: [1] }],
      [[{ role: "user", content: "hi" }], [{ role: "user", content: "hi" }, { role: "assistant", content: "he" }]],
      [null, { path: "f.png" }],
      [5, null],
    ];
    for (const [before, after] of pairs) {
      expect(applyDiff(before, diff(before, after))).toEqual(after);
    }
  });

  it("leaves the old value alone", () => {
    const before = { list: [1, 2] };
    applyDiff(before, diff(before, { list: [1, 2, 3] }));
    expect(before).toEqual({ list: [1, 2] });
  });
});

describe("positional and named data", () => {
  const app = Blocks(() => {
    const a = Textbox({ label: "a" });
    const b = Textbox({ label: "b", value: "bee" });
    a.submit({ fn: (x: string, y: string) => x + y, inputs: [a, b], outputs: [a], api_name: "join" });
  });
  const dep = app.dependencyByApiName("join")!;
  const params = app.apiInfo().named_endpoints["/join"]!.parameters as ApiParameter[];

  it("keeps a full positional list as it is", () => {
    expect(positionalData(dep, ["1", "2"])).toEqual(["1", "2"]);
  });

  it("maps names to positions, filling defaults, and names what is wrong", () => {
    expect(namedData("join", params, { x: "1", y: "2" })).toEqual(["1", "2"]);
    expect(namedData("join", params, { x: "1" })).toEqual(["1", "bee"]);
    const required = [{ ...params[0]!, parameter_has_default: false }, params[1]!];
    expect(() => namedData("join", required, { y: "2" })).toThrow(/needs a value for its parameter "x"/);
    expect(() => namedData("join", params, { x: "1", z: 3 })).toThrow(/has no parameter "z"; its parameters are "x", "y"/);
    try {
      namedData("join", required, {});
      throw new Error("namedData did not throw");
    } catch (err) {
      expect(err).toBeInstanceOf(BadRequest);
      expect((err as BadRequest).status).toBe(422);
    }
  });

  it("frames SSE chunks with event names and JSON data", () => {
    expect(sseChunk("complete", ["a"])).toBe('event: complete\ndata: ["a"]\n\n');
    expect(sseChunk("heartbeat", undefined)).toBe("event: heartbeat\ndata: null\n\n");
  });
});

describe("the /call routes", () => {
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
          yield `${t}!!`;
        },
        inputs: [text],
        outputs: [out],
        api_name: "steps",
      });
      text.blur({
        fn: () => {
          throw new VitrineError("Nope");
        },
        outputs: [out],
        api_name: "fail",
      });
      text.focus({ fn: (t: string) => `${t}?`, inputs: [text], outputs: [out], api_name: "direct", queue: false });
      text.input({ fn: function secret(t: string) { return t; }, inputs: [text], outputs: [out], api_name: false });
    });
    server = await launch(app, { server_port: 0, quiet: true });
    api = `${server.url}gradio_api`;
  });
  afterAll(() => server.close());

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${api}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { event_id?: string; detail?: string } };
  };

  it("queues a call and streams its result with event names", async () => {
    const { status, body } = await post("/call/upper", { data: ["hi"] });
    expect(status).toBe(200);
    const res = await fetch(`${api}/call/upper/${body.event_id}`);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await res.text()).toBe('event: complete\ndata: ["HI"]\n\n');
  });

  it("streams each yield in full (never diffs)", async () => {
    const { body } = await post("/call/steps", { data: ["go"] });
    const text = await (await fetch(`${api}/call/steps/${body.event_id}`)).text();
    expect(text).toBe(
      'event: generating\ndata: ["go"]\n\nevent: generating\ndata: ["go!"]\n\nevent: generating\ndata: ["go!!"]\n\nevent: complete\ndata: ["go!!"]\n\n',
    );
  });

  it("sends a vt.Error as event: error with its payload", async () => {
    const { body } = await post("/call/fail", { data: [] });
    const text = await (await fetch(`${api}/call/fail/${body.event_id}`)).text();
    expect(text).toMatch(/^event: error\ndata: \{"error":"Nope"/);
  });

  it("answers 404, 400 and 422 with a detail", async () => {
    expect(await post("/call/nope", { data: [] })).toEqual({ status: 404, body: { detail: expect.stringMatching(/No API endpoint \/nope.*\/upper/) } });
    expect((await post("/call/upper", { nope: 1 })).status).toBe(400);
    expect((await post("/call/upper", { data: [1, 2] })).status).toBe(422);
    const res = await fetch(`${api}/call/upper/0123abc`);
    expect(res.status).toBe(404);
  });

  it("runs events that skip the queue on the page too (as Gradio), and refuses hidden ones", async () => {
    const { body } = await post("/call/direct", { data: ["ok"] });
    expect(await (await fetch(`${api}/call/direct/${body.event_id}`)).text()).toBe('event: complete\ndata: ["ok?"]\n\n');
    const hidden = await post("/call/secret", { data: ["x"] });
    expect(hidden.status).toBe(404);
  });

  it("reads a result once", async () => {
    const { body } = await post("/call/upper", { data: ["x"] });
    await (await fetch(`${api}/call/upper/${body.event_id}`)).text();
    expect((await fetch(`${api}/call/upper/${body.event_id}`)).status).toBe(404);
  });
});
