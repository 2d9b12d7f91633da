import { describe, expect, it } from "@jest/globals";
import type { ComponentConfig, DependencyConfig } from "@vitrine/core";
import { component, dependency, flush, gate, scriptedClient } from "../test/fixtures.js";
import { EventRunner } from "./events.js";
import type { JobMessage } from "./messages.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";

type Scripts = Parameters<typeof scriptedClient>[0];

function setup(components: ComponentConfig[], dependencies: DependencyConfig[], scripts: Scripts = {}, now = () => 5000) {
  const store = createAppStore(components);
  const toasts = createToastStore();
  const client = scriptedClient(scripts);
  const scrolled: number[] = [];
  const runner = new EventRunner({
    dependencies,
    store,
    toasts,
    connect: async () => client,
    now,
    scrollTo: (id) => scrolled.push(id),
  });
  return { store, toasts, client, runner, scrolled, value: (id: number) => store.getState().blocks[id]!.value };
}

const done = { type: "status", stage: "complete" } as const;
const data = (...values: unknown[]): JobMessage => ({ type: "data", data: values });

describe("EventRunner: triggering", () => {
  it("sends the inputs' current values, the trigger id and the event data", async () => {
    const t = setup(
      [component(1, "textbox", { value: "Ada" }), component(2, "button"), component(3)],
      [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [3] })],
      { 0: ([name]) => [data(`Hello ${name}!`), done] },
    );
    await t.runner.fire(2, "click", { x: 1 });
    expect(t.client.submissions).toEqual([
      { fnIndex: 0, data: ["Ada"], options: { trigger_id: 2, event_data: { x: 1 } }, cancelled: false },
    ]);
    expect(t.value(3)).toBe("Hello Ada!");
  });

  it("fires change when a view changes a value, and input too for user input", async () => {
    const t = setup(
      [component(1), component(2)],
      [
        dependency(0, { targets: [[1, "change"]], inputs: [1], outputs: [2] }),
        dependency(1, { targets: [[1, "input"]], inputs: [1] }),
      ],
      { 0: ([v]) => [data(`changed: ${v}`), done] },
    );
    await t.runner.change(1, "a");
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([0]);
    expect(t.value(2)).toBe("changed: a");
    await t.runner.change(1, "ab", true);
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([0, 0, 1]);
    await t.runner.change(1, "ab", true);
    expect(t.client.submissions).toHaveLength(3);
  });

  it("does not call the server for a dependency without a backend function, but still chains", async () => {
    const t = setup(
      [component(1), component(2)],
      [dependency(0, { targets: [[1, "click"]], backend_fn: false }), dependency(1, { trigger_after: 0, outputs: [2] })],
      { 1: () => [data("chained"), done] },
    );
    await t.runner.fire(1, "click");
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([1]);
    expect(t.value(2)).toBe("chained");
  });

  it("ignores a second trigger while a trigger_mode 'once' dependency runs", async () => {
    const hold = gate();
    const t = setup([component(1), component(2)], [dependency(0, { targets: [[1, "click"]], outputs: [2] })], {
      0: async function* () {
        await hold.promise;
        yield data("x");
        yield done;
      },
    });
    const first = t.runner.fire(1, "click");
    await flush();
    expect(t.runner.isRunning(0)).toBe(true);
    await t.runner.fire(1, "click");
    hold.open();
    await first;
    expect(t.client.submissions).toHaveLength(1);
  });

  it("runs an always_last dependency once more after the current run, with the latest values", async () => {
    const hold = gate();
    const t = setup(
      [component(1, "textbox", { value: "a" }), component(2)],
      [dependency(0, { targets: [[1, "click"]], inputs: [1], outputs: [2], trigger_mode: "always_last" })],
      {
        0: async function* ([v]) {
          if (v === "a") await hold.promise;
          yield data(v);
          yield done;
        },
      },
    );
    const first = t.runner.fire(1, "click");
    await flush();
    t.store.getState().setValue(1, "b");
    void t.runner.fire(1, "click");
    t.store.getState().setValue(1, "c");
    void t.runner.fire(1, "click");
    hold.open();
    await first;
    expect(t.client.submissions.map((s) => s.data)).toEqual([["a"], ["c"]]);
    expect(t.value(2)).toBe("c");
  });
});

describe("EventRunner: inputs still uploading", () => {
  it("waits for the views' uploads before reading the inputs", async () => {
    const store = createAppStore([component(1, "image", { value: null }), component(2, "button"), component(3)]);
    const client = scriptedClient({ 0: ([image]) => [data(image), done] });
    let uploaded!: () => void;
    const upload = new Promise<void>((r) => (uploaded = r));
    const runner = new EventRunner({
      dependencies: [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [3] })],
      store,
      toasts: createToastStore(),
      connect: async () => client,
      // The image's upload finishes after the click: the view then sets its value.
      uploadsSettled: () => upload.then(() => void store.getState().setValue(1, "uploaded.png")),
    });
    const run = runner.fire(2, "click");
    await flush();
    expect(client.submissions).toEqual([]);
    uploaded();
    await run;
    expect(client.submissions.map((s) => s.data)).toEqual([["uploaded.png"]]);
  });
});

describe("EventRunner: outputs and status", () => {
  it("streams each data message into the store and marks outputs pending, then complete", async () => {
    const step = [gate(), gate()];
    const t = setup(
      [component(1), component(2), component(3)],
      [dependency(0, { targets: [[1, "click"]], outputs: [2, 3], show_progress: "minimal" })],
      {
        0: async function* () {
          yield { type: "status", stage: "pending", position: 2, eta: 3 };
          await step[0]!.promise;
          yield { type: "status", stage: "generating", position: 0 };
          yield data("H", 1);
          await step[1]!.promise;
          yield data("Hello", 2);
          yield done;
        },
      },
    );
    const run = t.runner.fire(1, "click");
    await flush();
    expect(t.store.getState().blocks[2]!.status).toMatchObject({
      stage: "pending",
      position: 2,
      eta: 3,
      startedAt: 5000,
      showProgress: "minimal",
    });
    step[0]!.open();
    await flush();
    expect([t.value(2), t.value(3)]).toEqual(["H", 1]);
    expect(t.store.getState().blocks[3]!.status).toMatchObject({ stage: "generating", position: 0 });
    step[1]!.open();
    await run;
    expect([t.value(2), t.value(3)]).toEqual(["Hello", 2]);
    expect(t.store.getState().blocks[2]!.status.stage).toBe("complete");
    expect(t.store.getState().blocks[3]!.status.runId).toBeUndefined();
  });

  it("applies update objects to props", async () => {
    const t = setup([component(1), component(2, "textbox", { value: "old" })], [dependency(0, { targets: [[1, "click"]], outputs: [2] })], {
      0: () => [data({ __type__: "update", visible: false }), done],
    });
    await t.runner.fire(1, "click");
    expect(t.store.getState().blocks[2]).toMatchObject({ value: "old", props: { visible: false } });
  });

  it("maps data past State outputs, which the client leaves out", async () => {
    const t = setup(
      [component(1), component(2, "state"), component(3)],
      [dependency(0, { targets: [[1, "click"]], outputs: [2, 3] })],
      { 0: () => [data("visible value"), done] },
    );
    await t.runner.fire(1, "click");
    expect(t.value(2)).toBeNull();
    expect(t.value(3)).toBe("visible value");
  });

  it("fires change on outputs whose value changed, but not input", async () => {
    const t = setup(
      [component(1), component(2), component(3), component(4)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2, 3] }),
        dependency(1, { targets: [[2, "change"]], inputs: [2] }),
        dependency(2, { targets: [[3, "change"]], inputs: [3] }),
        dependency(3, { targets: [[2, "input"]] }),
      ],
      { 0: () => [data("new", null), done] },
    );
    await t.runner.fire(1, "click");
    expect(t.client.submissions.map((s) => [s.fnIndex, s.data])).toEqual([
      [0, []],
      [1, ["new"]],
    ]);
  });

  it("does not re-run a dependency from the change events of its own outputs", async () => {
    let n = 0;
    const t = setup(
      [component(1), component(2)],
      [
        // 1.change → 2, and 2.change → 1: a loop the runner must cut.
        dependency(0, { targets: [[1, "change"]], inputs: [1], outputs: [2], trigger_mode: "multiple" }),
        dependency(1, { targets: [[2, "change"]], inputs: [2], outputs: [1], trigger_mode: "multiple" }),
      ],
      { 0: () => [data(`to 2: ${++n}`), done], 1: () => [data(`to 1: ${++n}`), done] },
    );
    await t.runner.change(1, "start", true);
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([0, 1]);
    expect([t.value(1), t.value(2)]).toEqual(["to 1: 2", "to 2: 1"]);
  });
});

describe("EventRunner: errors, messages and chains", () => {
  const failing = { type: "status", stage: "error", message: "Cannot divide by zero", title: "Error", duration: 5 } as const;

  it("shows a server error as a toast, marks the outputs, and runs .then and .failure but not .success", async () => {
    const t = setup(
      [component(1), component(2)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2] }),
        dependency(1, { trigger_after: 0 }),
        dependency(2, { trigger_after: 0, trigger_only_on_success: true }),
        dependency(3, { trigger_after: 0, trigger_only_on_failure: true }),
      ],
      { 0: () => [failing] },
    );
    await t.runner.fire(1, "click");
    expect(t.toasts.getState().toasts).toEqual([
      expect.objectContaining({ level: "error", title: "Error", message: "Cannot divide by zero", duration: 5 }),
    ]);
    expect(t.store.getState().blocks[2]!.status).toMatchObject({ stage: "error", message: "Cannot divide by zero" });
    expect(t.client.submissions.map((s) => s.fnIndex).sort()).toEqual([0, 1, 3]);
  });

  it("runs .success chains after a success, in sequence", async () => {
    const order: string[] = [];
    const t = setup(
      [component(1)],
      [
        dependency(0, { targets: [[1, "click"]] }),
        dependency(1, { trigger_after: 0, trigger_only_on_success: true }),
        dependency(2, { trigger_after: 1 }),
      ],
      {
        0: () => (order.push("first"), [done]),
        1: () => (order.push("second"), [done]),
        2: () => (order.push("third"), [done]),
      },
    );
    await t.runner.fire(1, "click");
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("does not show hidden errors", async () => {
    const t = setup([component(1)], [dependency(0, { targets: [[1, "click"]] })], {
      0: () => [{ ...failing, visible: false }],
    });
    await t.runner.fire(1, "click");
    expect(t.toasts.getState().toasts).toEqual([]);
  });

  it("shows info and warning logs as toasts", async () => {
    const t = setup([component(1)], [dependency(0, { targets: [[1, "click"]] })], {
      0: () => [
        { type: "log", log: "Halfway", level: "info" },
        { type: "log", log: "Careful", level: "warning", title: "Heads up", duration: null },
        { type: "log", log: "Saved", level: "success" },
        done,
      ],
    });
    await t.runner.fire(1, "click");
    expect(t.toasts.getState().toasts).toEqual([
      expect.objectContaining({ level: "info", title: "Info", message: "Halfway", duration: 10 }),
      expect.objectContaining({ level: "warning", title: "Heads up", message: "Careful", duration: null }),
      expect.objectContaining({ level: "success", title: "Success", message: "Saved" }),
    ]);
  });

  it("reports a failed connection as an error toast and tries again on the next event", async () => {
    const store = createAppStore([component(1), component(2)]);
    const toasts = createToastStore();
    let attempts = 0;
    const runner = new EventRunner({
      dependencies: [dependency(0, { targets: [[1, "click"]], outputs: [2] })],
      store,
      toasts,
      connect: async () => {
        attempts++;
        throw new Error("connection refused");
      },
    });
    await runner.fire(1, "click");
    await runner.fire(1, "click");
    expect(attempts).toBe(2);
    expect(toasts.getState().toasts[0]).toMatchObject({ level: "error", message: "connection refused" });
    expect(store.getState().blocks[2]!.status.stage).toBe("error");
  });

  it("cancels the runs listed in `cancels`", async () => {
    const hold = gate();
    const t = setup(
      [component(1), component(2), component(3)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [3] }),
        dependency(1, { targets: [[2, "click"]], backend_fn: false, cancels: [0] }),
      ],
      {
        0: async function* () {
          yield { type: "status", stage: "generating" };
          await hold.promise;
          yield data("too late");
        },
      },
    );
    const run = t.runner.fire(1, "click");
    await flush();
    await t.runner.fire(2, "click");
    hold.open();
    await run;
    expect(t.client.submissions[0]!.cancelled).toBe(true);
    expect(t.value(3)).toBeNull();
    expect(t.runner.isRunning(0)).toBe(false);
  });
});

describe("EventRunner: progress and cancellation", () => {
  it("keeps progress bars across queue messages, and does not cover streamed outputs again", async () => {
    const step = gate();
    const bar = { index: 3, length: 10, unit: "steps", progress: null, desc: "Loading" };
    const t = setup([component(1), component(2)], [dependency(0, { targets: [[1, "click"]], outputs: [2] })], {
      0: async function* () {
        yield { type: "status", stage: "pending", progress_data: [bar] };
        yield { type: "status", stage: "pending", position: 0, eta: 2 };
        yield data("first");
        yield { type: "status", stage: "generating" };
        yield { type: "status", stage: "pending", progress_data: [{ ...bar, index: 4 }] };
        await step.promise;
        yield done;
      },
    });
    const run = t.runner.fire(1, "click");
    await flush();
    expect(t.store.getState().blocks[2]!.status).toMatchObject({
      stage: "generating",
      position: 0,
      eta: 2,
      progress: [{ ...bar, index: 4 }],
    });
    step.open();
    await run;
    expect(t.store.getState().blocks[2]!.status.stage).toBe("complete");
  });

  it("keeps the last streamed value when a run is cancelled, and clears its status", async () => {
    const hold = gate();
    const t = setup(
      [component(1), component(2), component(3)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [3] }),
        dependency(1, { targets: [[2, "click"]], backend_fn: false, cancels: [0] }),
      ],
      {
        0: async function* () {
          yield data("partial");
          await hold.promise;
          yield data("partial and more");
          yield done;
        },
      },
    );
    // The scripted job keeps going after a cancel; the runner must ignore what it sends.
    t.client.submit = ((submit) =>
      function (this: unknown, ...args: Parameters<typeof submit>) {
        const job = submit.apply(t.client, args);
        return { [Symbol.asyncIterator]: job[Symbol.asyncIterator].bind(job), cancel: () => undefined };
      })(t.client.submit);
    const run = t.runner.fire(1, "click");
    await flush();
    expect(t.value(3)).toBe("partial");
    await t.runner.fire(2, "click");
    hold.open();
    await run;
    expect(t.value(3)).toBe("partial");
    expect(t.store.getState().blocks[3]!.status.stage).toBe("complete");
  });

  it("shows no error on the outputs of a run cancelled with an error status, and counts it a failure", async () => {
    const hold = gate();
    const t = setup(
      [component(1), component(2), component(3)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [3] }),
        dependency(1, { targets: [[2, "click"]], backend_fn: false, cancels: [0] }),
        dependency(2, { trigger_after: 0, trigger_only_on_failure: true }),
      ],
      {
        0: async function* () {
          yield data("partial");
          await hold.promise;
          yield { type: "status", stage: "error", message: "Cancelled" };
        },
      },
    );
    t.client.submit = ((submit) =>
      function (this: unknown, ...args: Parameters<typeof submit>) {
        const job = submit.apply(t.client, args);
        return { [Symbol.asyncIterator]: job[Symbol.asyncIterator].bind(job), cancel: () => undefined };
      })(t.client.submit);
    const run = t.runner.fire(1, "click");
    await flush();
    await t.runner.fire(2, "click");
    hold.open();
    await run;
    expect(t.store.getState().blocks[3]!.status.stage).toBe("complete");
    expect(t.toasts.getState().toasts).toEqual([]);
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([0, 2]);
  });

  it("counts a job cancelled elsewhere as a failure, with no error shown", async () => {
    const t = setup(
      [component(1), component(2)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2] }),
        dependency(1, { trigger_after: 0, trigger_only_on_success: true }),
        dependency(2, { trigger_after: 0, trigger_only_on_failure: true }),
      ],
      { 0: () => [{ type: "status", stage: "cancelled", success: false, message: "Cancelled" }] },
    );
    await t.runner.fire(1, "click");
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([0, 2]);
    expect(t.store.getState().blocks[2]!.status.stage).toBe("complete");
    expect(t.toasts.getState().toasts).toEqual([]);
  });

  it("drops a waiting always_last re-run when its dependency is cancelled", async () => {
    const hold = gate();
    const t = setup(
      [component(1), component(2), component(3)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [3], trigger_mode: "always_last" }),
        dependency(1, { targets: [[2, "click"]], backend_fn: false, cancels: [0] }),
      ],
      {
        0: async function* () {
          await hold.promise;
          yield done;
        },
      },
    );
    const run = t.runner.fire(1, "click");
    await flush();
    void t.runner.fire(1, "click");
    await t.runner.fire(2, "click");
    hold.open();
    await run;
    expect(t.client.submissions).toHaveLength(1);
  });
});

describe("EventRunner: js, every and scroll_to_output", () => {
  it("runs js before fn and sends what it returns instead of the inputs", async () => {
    const t = setup(
      [component(1, "textbox", { value: "ada" }), component(2), component(3, "textbox", { value: "old" })],
      [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [3], js: "(name, out) => name.toUpperCase() + '/' + out" })],
      { 0: ([v]) => [data(`got ${v}`), done] },
    );
    await t.runner.fire(2, "click");
    expect(t.client.submissions[0]!.data).toEqual(["ADA/old"]);
    expect(t.value(3)).toBe("got ADA/old");
  });

  it("runs js instead of fn when there is no backend function: its values and updates set the outputs", async () => {
    const t = setup(
      [component(1, "textbox", { value: "a" }), component(2, "textbox", { value: "b" }), component(3)],
      [
        dependency(0, {
          targets: [[3, "click"]],
          inputs: [1, 2],
          outputs: [1, 2, 3],
          backend_fn: false,
          js: "async function (a, b) { return [b, a, { __type__: 'update', visible: false }]; }",
        }),
        dependency(1, { targets: [[1, "change"]], inputs: [1] }),
      ],
    );
    await t.runner.fire(3, "click");
    expect([t.value(1), t.value(2)]).toEqual(["b", "a"]);
    expect(t.store.getState().blocks[3]!.props.visible).toBe(false);
    // The js outputs fire change like server outputs do.
    expect(t.client.submissions.map((s) => [s.fnIndex, s.data])).toEqual([[1, ["b"]]]);
  });

  it("takes a non-array js result as the single value, and method-shorthand sources", async () => {
    const t = setup(
      [component(1, "textbox", { value: "x" }), component(2)],
      [
        dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [1], backend_fn: false, js: "(x) => x + x" }),
        dependency(1, { targets: [[2, "submit"]], inputs: [1], outputs: [1], backend_fn: false, js: "js(x) { return x + '!'; }" }),
      ],
    );
    await t.runner.fire(2, "click");
    expect(t.value(1)).toBe("xx");
    await t.runner.fire(2, "submit");
    expect(t.value(1)).toBe("xx!");
  });

  it("reports a failing js function as an error toast, skips fn and runs .failure", async () => {
    const t = setup(
      [component(1)],
      [
        dependency(0, { targets: [[1, "click"]], js: "() => { throw new Error('nope'); }" }),
        dependency(1, { trigger_after: 0, trigger_only_on_failure: true }),
      ],
    );
    const errors = console.error;
    console.error = () => {};
    try {
      await t.runner.fire(1, "click");
    } finally {
      console.error = errors;
    }
    expect(t.toasts.getState().toasts[0]).toMatchObject({ level: "error", message: expect.stringContaining("nope") });
    expect(t.client.submissions.map((s) => s.fnIndex)).toEqual([1]);
  });

  it("re-runs a dependency with every on its interval after its first trigger, skipping while one runs", async () => {
    let n = 0;
    const t = setup([component(1), component(2)], [dependency(0, { targets: [[1, "load"]], outputs: [2], every: 0.02 })], {
      0: () => [data(++n), done],
    });
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(t.client.submissions).toHaveLength(0);
      await t.runner.fire(1, "load");
      await new Promise((r) => setTimeout(r, 110));
      expect(t.client.submissions.length).toBeGreaterThanOrEqual(3);
      expect(t.value(2)).toBe(n);
    } finally {
      t.runner.dispose();
    }
    const after = t.client.submissions.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(t.client.submissions.length).toBe(after);
  });

  it("scrolls to the first output after a successful run only", async () => {
    const t = setup(
      [component(1), component(2), component(3)],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2, 3], scroll_to_output: true }),
        dependency(1, { targets: [[1, "submit"]], outputs: [3], scroll_to_output: true }),
        dependency(2, { targets: [[1, "blur"]], outputs: [3] }),
      ],
      { 1: () => [{ type: "status", stage: "error", message: "no" }] },
    );
    await t.runner.fire(1, "click");
    await t.runner.fire(1, "submit");
    await t.runner.fire(1, "blur");
    expect(t.scrolled).toEqual([2]);
  });

  it("runs a trigger_mode 'multiple' dependency again while it is pending", async () => {
    const hold = gate();
    const t = setup([component(1), component(2)], [dependency(0, { targets: [[1, "click"]], outputs: [2], trigger_mode: "multiple" })], {
      0: async function* () {
        await hold.promise;
        yield done;
      },
    });
    const first = t.runner.fire(1, "click");
    const second = t.runner.fire(1, "click");
    await flush();
    hold.open();
    await Promise.all([first, second]);
    expect(t.client.submissions).toHaveLength(2);
  });
});
