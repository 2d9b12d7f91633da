import { describe, expect, it } from "@jest/globals";
import { Blocks, on } from "./index.js";
import { Field } from "../test/fixtures.js";

describe("event options in the config", () => {
  it("serializes chains, cancels, trigger modes, progress, every, js and visibility", () => {
    const app = Blocks(() => {
      const a = Field({ label: "a" });
      const b = Field({ label: "b" });
      const run = a.submit({ fn: (s: string) => s, inputs: a, outputs: b, show_progress: "minimal", scroll_to_output: true });
      run.then({ fn: null, js: "(x) => x", inputs: a, outputs: b });
      run.success({ fn: (s: string) => s, inputs: b, outputs: a, api_name: false });
      run.failure({ fn: () => "failed", outputs: b, show_api: false, queue: false });
      a.change({ fn: (s: string) => s, inputs: a, outputs: b, cancels: [run], every: 2, trigger_mode: "multiple" });
      a.change({ fn: null, js: (x: string) => [x, x], inputs: a, outputs: [a, b] });
    });
    const deps = app.config().dependencies;
    expect(deps[0]).toMatchObject({
      trigger_mode: "once",
      show_progress: "minimal",
      scroll_to_output: true,
      trigger_after: null,
      every: null,
      js: null,
      backend_fn: true,
    });
    expect(deps[1]).toMatchObject({ trigger_after: 0, trigger_only_on_success: false, trigger_only_on_failure: false, backend_fn: false, js: "(x) => x", api_name: null });
    expect(deps[2]).toMatchObject({ trigger_after: 0, trigger_only_on_success: true, api_name: null, api_visibility: "private", show_api: false });
    expect(deps[3]).toMatchObject({ trigger_after: 0, trigger_only_on_failure: true, queue: false, api_visibility: "undocumented", show_api: false });
    expect(deps[4]).toMatchObject({ cancels: [0], every: 2, trigger_mode: "multiple" });
    // A function passed as js travels as its source text; change events default to always_last.
    expect(deps[5]!.js).toMatch(/=>\s*\[\s*x,\s*x\s*\]/);
    expect(deps[5]!.trigger_mode).toBe("always_last");
  });

  it("binds one function to several triggers with on(), defaulting to once unless all are change events", () => {
    let ids: number[] = [];
    const app = Blocks(() => {
      const a = Field();
      const b = Field();
      on([a.change, b.submit], { fn: (s: string) => s, inputs: a, outputs: b });
      on([a.change, b.change], { fn: (s: string) => s, inputs: a, outputs: b });
      on(a.submit, { fn: (s: string) => s, inputs: a, outputs: b, trigger_mode: "always_last" });
      ids = [a.id, b.id];
    });
    const deps = app.config().dependencies;
    expect(deps[0]).toMatchObject({ targets: [[ids[0], "change"], [ids[1], "submit"]], trigger_mode: "once" });
    expect(deps[1]!.trigger_mode).toBe("always_last");
    expect(deps[2]).toMatchObject({ targets: [[ids[0], "submit"]], trigger_mode: "always_last" });
  });

  it("targets the app itself with load, listing the app once (as the root column)", () => {
    let out!: ReturnType<typeof Field>;
    const app = Blocks(() => {
      out = Field();
    });
    app.load({ fn: () => "hi", outputs: out, every: 0.5 });
    const config = app.config();
    expect(config.dependencies[0]).toMatchObject({ targets: [[app.id, "load"]], every: 0.5 });
    expect(config.components.filter((c) => c.id === app.id)).toEqual([expect.objectContaining({ type: "column" })]);
    expect(config.layout.id).toBe(app.id);
  });

  it("rejects options the page could not act on", () => {
    const attach = (options: Record<string, unknown>) =>
      Blocks(() => {
        const a = Field();
        a.change({ fn: () => "x", outputs: a, ...options });
      });
    expect(() => attach({ every: 0 })).toThrow(/every must be a positive number/);
    expect(() => attach({ every: "1" })).toThrow(/every must be a positive number/);
    expect(() => attach({ trigger_mode: "twice" })).toThrow(/trigger_mode/);
    expect(() => attach({ show_progress: "loud" })).toThrow(/show_progress/);
    expect(() => attach({ js: 3 })).toThrow(/js must be/);
    expect(() => attach({ cancels: [{ id: 0 }] })).toThrow(/cancels/);
  });

  it("names a misspelt option and the one it is closest to", () => {
    const attach = (options: Record<string, unknown>) =>
      Blocks(() => {
        const a = Field();
        a.change({ fn: () => "x", outputs: a, ...options });
      });
    expect(() => attach({ input: [] })).toThrow('Unknown option "input" — did you mean "inputs"?');
    expect(() => attach({ ouputs: [] })).toThrow('Unknown option "ouputs" — did you mean "outputs"?');
    expect(() => attach({ apiName: "x" })).toThrow('Unknown option "apiName" — did you mean "api_name"?');
    expect(() => attach({ concurency_limit: 2 })).toThrow('did you mean "concurrency_limit"?');
    expect(() => attach({ trigger: "once" })).toThrow('did you mean "trigger_mode"?');
    expect(() => attach({ show_porgress: "hidden" })).toThrow('did you mean "show_progress"?');
    // Nothing close: every option is listed.
    expect(() => attach({ colour: "red" })).toThrow(/^Unknown option "colour"; the options are: fn, inputs, outputs, api_name, .*max_batch_size, stream_every, time_limit, retry$/);
    // Chains, app.load and on() check the same way.
    expect(() =>
      Blocks(() => {
        const a = Field();
        a.submit({ fn: () => "x", outputs: a }).then({ fn: () => "y", output: a } as never);
      }),
    ).toThrow('Unknown option "output" — did you mean "outputs"?');
    expect(() => Blocks(() => void Field()).load({ fn: () => "x", every_seconds: 2 } as never)).toThrow('did you mean "every"?');
    expect(() =>
      Blocks(() => {
        const a = Field();
        on(a.submit, { fn: (s: string) => s, inputs: a, outputs: a, batched: true } as never);
      }),
    ).toThrow('Unknown option "batched" — did you mean "batch"?');
    expect(() => Blocks(() => void Field().submit(null as never))).toThrow(/takes an options object/);
  });

  it("accepts every option a listener documents", () => {
    const app = Blocks(() => {
      const a = Field();
      const b = Field();
      const first = a.submit({ fn: (s: string) => s, inputs: a, outputs: b });
      a.change({
        fn: (s: string) => s,
        inputs: [a],
        outputs: [b],
        api_name: "all",
        api_description: "every option at once",
        show_api: true,
        queue: true,
        concurrency_limit: 2,
        concurrency_id: "group",
        show_progress: "minimal",
        scroll_to_output: false,
        cancels: [first],
        trigger_mode: "multiple",
        every: 5,
        js: null,
        preprocess: true,
        postprocess: true,
        batch: false,
        max_batch_size: 4,
      });
      b.submit({ fn: (xs: string[]) => [xs], inputs: [a], outputs: [b], batch: true, max_batch_size: 8 });
    });
    expect(app.config().dependencies).toHaveLength(3);
  });
});
