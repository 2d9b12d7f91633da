/**
 * Gradio's plain-HTTP API over the wire (issue 11): `POST /gradio_api/call/<api_name>` then
 * `GET /gradio_api/call/<api_name>/<event_id>` (server-sent events with names), and the v2 form
 * with named parameters, against real apps at the root and mounted: an echo, a generator, a
 * file output fetched through its URL, a vt.Error, State per session, cancellation when the
 * reader goes away, `vt.api` endpoints (components and zod), a missing endpoint; and once with
 * the `curl` binary, as Gradio's API page shows it.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { calculator, hello, stream } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { z } from "zod";
import { postJson, servings, type Served } from "./harness.js";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One server-sent event of the call API. */
interface CallEvent {
  event: string;
  data: unknown;
}

/** Parses a call API stream: `event: <name>\ndata: <json>` blocks. */
function parseEvents(text: string): CallEvent[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === undefined || data === undefined) throw new Error(`Not a call API event: ${JSON.stringify(block)}`);
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** POSTs a call and reads its whole stream. */
async function call(url: string, apiName: string, body: unknown, v2 = false): Promise<CallEvent[]> {
  const posted = await postJson(`${url}gradio_api/call/${v2 ? "v2/" : ""}${apiName}`, body);
  expect(posted).toEqual({ status: 200, body: { event_id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
  const res = await fetch(`${url}gradio_api/call/${apiName}/${posted.body.event_id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  return parseEvents(await res.text());
}

describe.each(servings)("the call API, %s", (_name, serve) => {
  const served: Served[] = [];
  const urls: Record<string, string> = {};
  let aborted = 0;
  let started = 0;

  beforeAll(async () => {
    const files = vt.Blocks(() => {
      const name = vt.Textbox({ label: "name" });
      const out = vt.File({ label: "report" });
      const counter = vt.State({ value: 0 });
      const count = vt.Number({ label: "count" });
      name.submit({
        fn: async (text: string) => {
          const path = join(tmpdir(), `vitrine-call-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
          await writeFile(path, `report for ${text}`);
          return path;
        },
        inputs: [name],
        outputs: [out],
        api_name: "report",
      });
      name.change({ fn: (n: number) => [n + 1, n + 1] as const, inputs: [counter], outputs: [counter, count], api_name: "count" });
      name.blur({
        fn: async (_t: string, { signal }) => {
          started++;
          await new Promise<void>((resolve) =>
            signal.addEventListener("abort", () => {
              aborted++;
              resolve();
            }),
          );
          return "never";
        },
        inputs: [name],
        outputs: [name],
        api_name: "wait",
        concurrency_limit: null,
      });
      vt.api({ fn: (a: number, b: number) => a * b, inputs: [vt.Number(), vt.Number()], outputs: vt.Number(), api_name: "times" });
      vt.api({
        fn: ({ city, days }) => Array.from({ length: days }, (_, i) => `${city} day ${i + 1}`),
        inputs: z.object({ city: z.string().min(2), days: z.number().int().max(3).default(1) }),
        outputs: z.array(z.string()),
        api_name: "forecast",
        api_description: "Weather for a few days",
      });
    });
    const apps = { hello: hello(), calculator: calculator(), stream: stream({ delayMs: 20 }), files };
    for (const [name, app] of Object.entries(apps)) {
      const s = await serve(app);
      served.push(s);
      urls[name] = s.url;
    }
  });
  afterAll(async () => {
    await Promise.all(served.map((s) => s.close()));
  });

  it("runs an echo: POST answers an event id, GET streams event: complete with the outputs", async () => {
    expect(await call(urls.hello!, "predict", { data: ["Ada"] })).toEqual([{ event: "complete", data: ["Hello, Ada!"] }]);
  });

  it("streams each yield of a generator in full as event: generating", async () => {
    const events = await call(urls.stream!, "predict", { data: ["one two three"] });
    const generating = events.filter((e) => e.event === "generating").map((e) => (e.data as string[])[0]);
    expect(generating.length).toBeGreaterThan(1);
    // Full values (never diffs): each one extends the one before.
    for (let i = 1; i < generating.length; i++) expect(generating[i]!.startsWith(generating[i - 1]!)).toBe(true);
    expect(events.at(-1)).toEqual({ event: "complete", data: [generating.at(-1)] });
  });

  it("sends a vt.Error as event: error with its message", async () => {
    const events = await call(urls.calculator!, "predict", { data: [1, "divide", 0] });
    expect(events).toEqual([{ event: "error", data: expect.objectContaining({ error: "Cannot divide by zero!" }) }]);
    expect(await call(urls.calculator!, "predict", { data: [6, "multiply", 7] })).toEqual([{ event: "complete", data: [42] }]);
  });

  it("takes named parameters in the v2 form, defaults filled in, and names a wrong one", async () => {
    expect(await call(urls.calculator!, "predict", { a: 10, b: 4, operation: "subtract" }, true)).toEqual([{ event: "complete", data: [6] }]);
    // "operation" has a default ("add").
    expect(await call(urls.calculator!, "predict", { a: 1, b: 2 }, true)).toEqual([{ event: "complete", data: [3] }]);
    const wrong = await postJson(`${urls.calculator}gradio_api/call/v2/predict`, { a: 1, c: 2 });
    expect(wrong).toEqual({ status: 422, body: { detail: expect.stringMatching(/no parameter "c".*"a", "operation", "b"/) } });
  });

  it("returns files as FileData whose URL (mount path included) serves them", async () => {
    const [event] = await call(urls.files!, "report", { data: ["Grace"] });
    expect(event!.event).toBe("complete");
    const file = (event!.data as [vt.FileData])[0];
    expect(file).toMatchObject({ meta: { _type: "gradio.FileData" }, orig_name: expect.stringMatching(/\.txt$/) });
    expect(file.url!.startsWith(`${urls.files}gradio_api/file=`)).toBe(true);
    expect(await (await fetch(file.url!)).text()).toBe("report for Grace");
  });

  it("makes each call its own session, unless a session_hash is given", async () => {
    const counts = async (body: object) => ((await call(urls.files!, "count", body)).at(-1)!.data as unknown[])[1];
    // The State input is not a parameter: data holds only the shown inputs (none here).
    expect(await counts({ data: [] })).toBe(1);
    expect(await counts({ data: [] })).toBe(1);
    expect(await counts({ data: [], session_hash: "call-api-session" })).toBe(1);
    expect(await counts({ data: [], session_hash: "call-api-session" })).toBe(2);
  });

  it("cancels the event when its reader goes away", async () => {
    const before = aborted;
    const startedBefore = started;
    const { body } = await postJson(`${urls.files}gradio_api/call/wait`, { data: ["x"] });
    const reader = new AbortController();
    const res = await fetch(`${urls.files}gradio_api/call/wait/${body.event_id}`, { signal: reader.signal });
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && started === startedBefore; i++) await sleep(10);
    expect(started).toBe(startedBefore + 1);
    reader.abort();
    for (let i = 0; i < 200 && aborted === before; i++) await sleep(10);
    expect(aborted).toBe(before + 1);
  });

  it("serves vt.api endpoints: components, and a zod schema that validates the call", async () => {
    expect(await call(urls.files!, "times", { data: [6, 7] })).toEqual([{ event: "complete", data: [42] }]);
    expect(await call(urls.files!, "forecast", { city: "Oslo", days: 2 }, true)).toEqual([{ event: "complete", data: [["Oslo day 1", "Oslo day 2"]] }]);
    expect(await call(urls.files!, "forecast", { city: "Rome" }, true)).toEqual([{ event: "complete", data: [["Rome day 1"]] }]);
    const [bad] = await call(urls.files!, "forecast", { data: ["X", 9] });
    expect(bad).toEqual({ event: "error", data: expect.objectContaining({ error: expect.stringMatching(/Invalid arguments: city: .*days: /s) }) });
  });

  it("answers 404 for an unknown endpoint or event, 400 for a malformed body", async () => {
    const missing = await postJson(`${urls.hello}gradio_api/call/nope`, { data: [] });
    expect(missing).toEqual({ status: 404, body: { detail: expect.stringMatching(/No API endpoint \/nope\. This app's endpoints: \/predict/) } });
    expect((await postJson(`${urls.hello}gradio_api/call/predict`, "{not json")).status).toBe(400);
    expect((await postJson(`${urls.hello}gradio_api/call/predict`, { data: "Ada" })).status).toBe(400);
    expect((await postJson(`${urls.hello}gradio_api/call/predict`, { data: ["a", "b"] })).status).toBe(422);
    const res = await fetch(`${urls.hello}gradio_api/call/predict/ffffffffffffffffffffffffffffffff`);
    expect(res.status).toBe(404);
  });

  it("works with curl as Gradio's API page writes it", async () => {
    const url = urls.hello!;
    const { stdout: posted } = await run("curl", ["-sS", "-X", "POST", `${url}gradio_api/call/predict`, "-H", "Content-Type: application/json", "-d", '{"data": ["curl"]}']);
    const eventId = (JSON.parse(posted) as { event_id: string }).event_id;
    const { stdout } = await run("curl", ["-sS", "-N", `${url}gradio_api/call/predict/${eventId}`]);
    expect(parseEvents(stdout)).toEqual([{ event: "complete", data: ["Hello, curl!"] }]);
  });
});
