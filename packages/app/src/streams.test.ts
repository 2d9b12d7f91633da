/** Streaming inputs on the page (issue 8): chunks a view fires as `stream` go to one running stream event. */
import { describe, expect, it } from "@jest/globals";
import { fileData, type FileData } from "@vitrine/core";
import { component, dependency, flush, gate } from "../test/fixtures.js";
import { EventRunner } from "./events.js";
import type { EventClient, EventJob, JobMessage } from "./messages.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";

/** A client whose stream jobs run until closed (or until `end()`), recording what the page sent them. */
function streamingClient(options: { live?: boolean } = {}) {
  const jobs: { fnIndex: number; data: unknown[]; eventId: string; chunks: [number, string][]; values: unknown[][]; closed: boolean; end: () => void }[] = [];
  const uploads: Blob[] = [];
  /** What went on the live channel, in order. */
  const sent: unknown[][] = [];
  const client: EventClient = {
    submit(fnIndex, data): EventJob {
      const finished = gate();
      const job = { fnIndex, data, eventId: `e${jobs.length}`, chunks: [] as [number, string][], values: [] as unknown[][], closed: false, end: finished.open };
      jobs.push(job);
      return {
        event_id: Promise.resolve(job.eventId),
        async *[Symbol.asyncIterator]() {
          yield { type: "status", stage: "pending" } as JobMessage;
          await finished.promise;
          yield { type: "status", stage: "complete" } as JobMessage;
        },
        cancel: () => finished.open(),
      };
    },
    async stream_chunk(eventId, input, chunk) {
      if (options.live === false) return false;
      const text = await chunk.text();
      jobs.find((j) => j.eventId === eventId)!.chunks.push([input, text]);
      sent.push(["chunk", text]);
      return true;
    },
    stream_inputs(eventId, data) {
      if (options.live === false) return false;
      sent.push(["inputs", eventId, data]);
      return true;
    },
    async upload(files) {
      uploads.push(...files);
      return files.map((_, i) => fileData(`/cache/chunk${uploads.length + i}.png`));
    },
    async send_chunk(eventId, data) {
      jobs.find((j) => j.eventId === eventId)!.values.push(data);
    },
    async close_stream(eventId) {
      const job = jobs.find((j) => j.eventId === eventId)!;
      job.closed = true;
      job.end();
    },
  };
  return { client, jobs, uploads, sent };
}

function setup(live = true) {
  const store = createAppStore([component(1, "image", { value: fileData("/cache/old.png") }), component(2, "slider", { value: 7 }), component(3)]);
  const { client, jobs, uploads, sent } = streamingClient({ live });
  const runner = new EventRunner({
    dependencies: [dependency(0, { targets: [[1, "stream"]], inputs: [1, 2], outputs: [3], connection: "stream", stream_every: 0.2, time_limit: 9 } as never)],
    store,
    toasts: createToastStore(),
    connect: async () => client,
  });
  const props = () => store.getState().blocks[1]!.props;
  return { runner, jobs, uploads, props, sent, store };
}

const chunk = (text: string) => new Blob([text], { type: "image/jpeg" });

describe("streaming inputs on the page", () => {
  it("start one stream event with the first chunk, send every chunk to it in order, and close it", async () => {
    const t = setup();
    expect(t.props()).toMatchObject({ stream_every: 0.2, time_limit: 9 });
    const run = t.runner.fire(1, "stream", chunk("a"));
    await t.runner.fire(1, "stream", chunk("b"));
    await flush();
    await t.runner.fire(1, "stream", chunk("c"));
    await flush();
    expect(t.jobs).toHaveLength(1);
    // The streamed input starts empty (its chunks come on the live channel); the others are sent as they are.
    expect(t.jobs[0]!.data).toEqual([null, 7]);
    expect(t.jobs[0]!.chunks).toEqual([[0, "a"], [0, "b"], [0, "c"]]);
    expect(t.props().stream_active).toBe(true);
    await t.runner.fire(1, "close_stream");
    await run;
    expect(t.jobs[0]!.closed).toBe(true);
    expect(t.props().stream_active).toBe(false);
    // A new chunk after that starts a new stream.
    void t.runner.fire(1, "stream", chunk("d"));
    await flush();
    await flush();
    expect(t.jobs).toHaveLength(2);
    expect(t.jobs[1]!.chunks).toEqual([[0, "d"]]);
  });

  it("a stream that ended by itself (its time limit) starts no other until its source closes", async () => {
    const t = setup();
    const run = t.runner.fire(1, "stream", chunk("a"));
    await flush();
    t.jobs[0]!.end();
    await run;
    expect(t.props().stream_active).toBe(false);
    await t.runner.fire(1, "stream", chunk("late"));
    await flush();
    expect(t.jobs).toHaveLength(1);
    await t.runner.fire(1, "close_stream");
    void t.runner.fire(1, "stream", chunk("again"));
    await flush();
    await flush();
    expect(t.jobs).toHaveLength(2);
  });

  it("send the other inputs' current values before a chunk when they changed, so its run sees them", async () => {
    const t = setup();
    void t.runner.fire(1, "stream", chunk("a"));
    await flush();
    await flush();
    // The user moves the slider while the camera streams.
    await t.runner.change(2, 9, true);
    await t.runner.fire(1, "stream", chunk("b"));
    await flush();
    await t.runner.fire(1, "stream", chunk("c"));
    await flush();
    await t.runner.change(2, 3, true);
    await t.runner.fire(1, "stream", chunk("d"));
    await flush();
    expect(t.sent).toEqual([
      ["chunk", "a"],
      ["inputs", "e0", [null, 9]],
      ["chunk", "b"],
      ["chunk", "c"],
      ["inputs", "e0", [null, 3]],
      ["chunk", "d"],
    ]);
    await t.runner.fire(1, "close_stream");
  });

  it("without a live channel, uploads each chunk and sends the event's values whole", async () => {
    const t = setup(false);
    void t.runner.fire(1, "stream", chunk("a"));
    await flush();
    await flush();
    await flush();
    expect(t.uploads).toHaveLength(1);
    expect(t.jobs[0]!.values).toHaveLength(1);
    const [file, level] = t.jobs[0]!.values[0]! as [FileData, number];
    expect(file.path).toMatch(/chunk\d\.png$/);
    expect(level).toBe(7);
    await t.runner.fire(1, "close_stream");
  });
});
