/** Progress, log, batch and update messages as raw protocol (the official client is tested in tests/integration). */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Blocks, Info, Warning, update } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type RunningServer } from "./index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RunningServer;
let api: string;
const batches: string[][] = [];
const FN = { progress: 0, late: 1, batch: 2, update: 3, tight: 4 } as const;

beforeAll(async () => {
  const app = Blocks(() => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    text.submit({
      fn: async (t: string, { progress }) => {
        Info("starting", { title: "Go" });
        progress([1, 4], { desc: "step", unit: "items" });
        await sleep(60);
        Warning("careful", { duration: null });
        return t;
      },
      inputs: [text],
      outputs: [out],
    });
    text.change({
      fn: (t: string) => {
        setTimeout(() => Info("too late"), 30);
        return t;
      },
      inputs: [text],
      outputs: [out],
    });
    text.blur({
      fn: async (ts: string[]) => {
        batches.push(ts);
        await sleep(1);
        Info(`batch of ${ts.length}`);
        await sleep(30);
        return [ts.map((t) => t.toUpperCase())] as [string[]];
      },
      inputs: [text],
      outputs: [out],
      batch: true,
      max_batch_size: 8,
    });
    text.focus({
      fn: () => update({ value: 7, visible: false }),
      outputs: [out],
    });
    text.input({
      fn: async ({ progress }) => {
        for (const _ of progress.track(Array.from({ length: 50_000 }))) void _;
        await sleep(80); // a pending (throttled) update must not be sent after completion
        return "done";
      },
      outputs: [out],
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

async function readStream(session: string): Promise<any[]> {
  const raw = await (await fetch(`${api}/queue/data?session_hash=${session}`)).text();
  return raw.split("\n\n").filter(Boolean).map((block) => JSON.parse(block.slice("data: ".length)));
}

describe("event messages", () => {
  it("sends progress and log messages between process_starts and process_completed", async () => {
    const id = await join(FN.progress, ["x"], "progress-log");
    const messages = await readStream("progress-log");
    expect(messages.map((m) => m.msg)).toEqual([
      "estimation",
      "process_starts",
      "log",
      "progress",
      "log",
      "process_completed",
      "close_stream",
    ]);
    expect(messages[2]).toEqual({ msg: "log", event_id: id, log: "starting", level: "info", title: "Go", duration: 10, visible: true });
    expect(messages[3]).toEqual({
      msg: "progress",
      event_id: id,
      progress_data: [{ index: 1, length: 4, unit: "items", progress: null, desc: "step" }],
    });
    expect(messages[4]).toMatchObject({ level: "warning", log: "careful", duration: null, title: "" });
  });

  it("prints messages sent after the event ended instead of sending them", async () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    await join(FN.late, ["x"], "late");
    const messages = await readStream("late");
    expect(messages.some((m) => m.msg === "log")).toBe(false);
    await sleep(60);
    expect(info).toHaveBeenCalledWith("[vitrine] Info: too late");
    info.mockRestore();
  });

  it("throttles progress and sends nothing for an event after its completion", async () => {
    const id = await join(FN.tight, [], "tight");
    const messages = await readStream("tight");
    const progress = messages.filter((m) => m.msg === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(2);
    const completedAt = messages.findIndex((m) => m.msg === "process_completed" && m.event_id === id);
    expect(messages.slice(completedAt + 1).map((m) => m.msg)).toEqual(["close_stream"]);
  });

  it("gathers waiting events of a batch function and completes each with its own item", async () => {
    batches.length = 0;
    const ids = [];
    for (const t of ["a", "b", "c", "d"]) ids.push(await join(FN.batch, [t], "batch"));
    const messages = await readStream("batch");
    const completed = new Map(
      messages.filter((m) => m.msg === "process_completed").map((m) => [m.event_id, m.output.data[0]]),
    );
    expect(ids.map((id) => completed.get(id))).toEqual(["A", "B", "C", "D"]);
    // vt.Info in a batch function reaches every event of the batch.
    const logged = new Set(messages.filter((m) => m.msg === "log").map((m) => m.event_id));
    expect(ids.every((id) => logged.has(id))).toBe(true);
    expect(batches.flat()).toEqual(["a", "b", "c", "d"]);
    expect(batches.length).toBeLessThan(4);
  });

  it("postprocesses only the value of an update", async () => {
    await join(FN.update, [], "update");
    const messages = await readStream("update");
    expect(messages.find((m) => m.msg === "process_completed").output.data).toEqual([
      { __type__: "update", value: "7", visible: false },
    ]);
  });
});
