import { describe, expect, it } from "@jest/globals";
import { Blocks, Column, Row, parameterNames, withParameterNames } from "./index.js";
import { parameterList } from "./names.js";
import { Field } from "../test/fixtures.js";

describe("Blocks", () => {
  it("places blocks created in builder callbacks into the layout, in order", () => {
    let a!: ReturnType<typeof Field>, b!: ReturnType<typeof Field>, c!: ReturnType<typeof Field>;
    const app = Blocks(() => {
      a = Field({ label: "a" });
      Row(() => {
        b = Field();
        Column({ scale: 2, min_width: 100 }, () => {
          c = Field();
        });
      });
    });
    const config = app.config();
    const row = config.layout.children![1]!;
    expect(config.layout.children![0]).toEqual({ id: a.id });
    expect(row.children![0]).toEqual({ id: b.id });
    expect(row.children![1]).toEqual({ id: expect.any(Number), children: [{ id: c.id }] });
    const column = config.components.find((x) => x.id === row.children![1]!.id)!;
    expect(column).toMatchObject({ type: "column", props: { scale: 2, min_width: 100 } });
    expect(config).toMatchObject({ protocol: "sse_v3", api_prefix: "/gradio_api", enable_queue: true });
  });

  it("serializes dependencies the way Gradio's clients read them", () => {
    const app = Blocks(() => {
      const input = Field({ label: "in" });
      const output = Field({ label: "out" });
      input
        .submit({ fn: (s: string) => s, inputs: [input], outputs: [output], api_name: "echo", concurrency_limit: 3 })
        .then({ fn: (s: string) => s, inputs: output, outputs: input, queue: false, api_name: "echo" });
      input.change({ fn: function* greet(s: string) { yield s; }, inputs: input, outputs: output });
      input.change({ fn: (s: string) => s, inputs: input, outputs: output, api_name: false });
      input.change({ fn: (s: string) => void s, inputs: input, show_api: false });
    });
    const deps = app.config().dependencies;
    expect(deps.map((d) => d.api_name)).toEqual(["echo", "echo_1", "greet", null, "lambda"]);
    expect(deps[0]).toMatchObject({ id: 0, targets: [[expect.any(Number), "submit"]], concurrency_limit: 3, queue: true });
    expect(deps[1]).toMatchObject({ trigger_after: 0, queue: false, targets: [] });
    expect(deps[2]!.types.generator).toBe(true);
    expect(deps.map((d) => d.api_visibility)).toEqual(["public", "public", "public", "private", "undocumented"]);
    expect(Object.keys(app.apiInfo().named_endpoints)).toEqual(["/echo", "/echo_1", "/greet"]);
  });

  it("makes inputs interactive and output-only components static, unless set", () => {
    let ids: number[] = [];
    const app = Blocks(() => {
      const input = Field();
      const output = Field();
      const fixed = Field({ interactive: true });
      input.submit({ fn: (s: string) => [s, s] as [string, string], inputs: input, outputs: [output, fixed] });
      ids = [input.id, output.id, fixed.id];
    });
    const byId = new Map(app.config().components.map((c) => [c.id, c.props.interactive]));
    expect(ids.map((id) => byId.get(id))).toEqual([true, false, true]);
  });

  it("refuses listeners outside a builder", () => {
    const stray = Field();
    expect(() => stray.change({ fn: () => "x", outputs: stray })).toThrow(/inside a Blocks builder/);
  });
});

describe("parameterNames", () => {
  it("reads parameter names of arrows, functions and generators", () => {
    expect(parameterNames((name: string, times = 2) => name + times)).toEqual(["name", "times"]);
    expect(parameterNames(async (a: number) => a)).toEqual(["a"]);
    expect(parameterNames(function* gen(x: unknown, { signal }: { signal?: unknown } = {}) { yield [x, signal]; })).toEqual(["x", null]);
    expect(parameterNames(((x: number) => x) as never)).toEqual(["x"]);
  });

  it("reads a wrapper's names from the function it stands for", () => {
    const wrapper = withParameterNames((...args: unknown[]) => args, ["message", null, "tokens"]);
    expect(parameterNames(wrapper)).toEqual(["message", null, "tokens"]);
    expect(parameterNames((...args: unknown[]) => args)).toEqual([null]);
  });
});

describe("the config tells the truth", () => {
  it("reports show_api and api_open from the app", () => {
    const build = () => Field();
    expect(Blocks(build).config()).toMatchObject({ show_api: true, api_open: true });
    const hidden = Blocks({ show_api: false }, build).queue({ api_open: false });
    expect(hidden.config()).toMatchObject({ show_api: false, api_open: false });
    expect(Blocks(build).page({ show_api: false }).config().show_api).toBe(false);
  });

  it("marks the listeners whose function takes the event context as collecting event data", () => {
    const app = Blocks(() => {
      const a = Field({ label: "a" });
      const b = Field({ label: "b" });
      a.change({ fn: (x: string) => x, inputs: [a], outputs: [b] });
      a.change({ fn: (x: string, ctx) => `${x}${String(ctx.event.data)}`, inputs: [a], outputs: [b] });
      a.submit({ fn: (ctx) => String(ctx.event.data), outputs: [b] });
      a.submit({ fn: () => "x", outputs: [b] });
      a.submit({ fn: (...args: unknown[]) => String(args.length), inputs: [a, b], outputs: [b] });
      a.submit({ fn: null, js: "(x) => x", inputs: [a], outputs: [b] });
    });
    expect(app.config().dependencies.map((d) => d.collects_event_data)).toEqual([false, true, true, false, true, false]);
  });

  it("gives each API parameter its component's initial value as the default", () => {
    const app = Blocks(() => {
      const name = Field({ label: "name", value: "Ada" });
      const empty = Field({ label: "empty" });
      const out = Field();
      name.submit({ fn: (n: string, e: string) => n + e, inputs: [name, empty], outputs: [out], api_name: "join" });
    });
    const [name, empty] = app.apiInfo().named_endpoints["/join"]!.parameters;
    expect(name).toMatchObject({ parameter_name: "n", parameter_has_default: true, parameter_default: "Ada" });
    expect(empty).toMatchObject({ parameter_name: "e", parameter_has_default: false, parameter_default: null });
  });
});

describe("parameterList", () => {
  it("lists parameters as written, rest and defaults included", () => {
    expect(parameterList((a: string, b = 2, ...rest: unknown[]) => [a, b, rest])).toEqual(["a", "b = 2", "...rest"]);
    expect(parameterList(async (x: number) => x)).toEqual(["x"]);
    expect(parameterList(() => 1)).toEqual([]);
  });
});
