import { describe, expect, it } from "@jest/globals";
import * as vt from "./index.js";

describe("Interface", () => {
  const make = () =>
    new vt.Interface({
      fn: (name: string, times: number) => name.repeat(times),
      inputs: ["text", vt.Number({ value: 2 })],
      outputs: "text",
      title: "Repeat",
      description: "Repeats a word",
      article: "Made with Vitrine",
      examples: [["ab", 2], ["c", 3]],
    });

  it("lays out title, inputs with Clear and Submit, outputs, examples and article", () => {
    const config = make().config();
    const types = config.components.map((c) => c.type);
    expect(config.mode).toBe("interface");
    expect(config.title).toBe("Repeat");
    for (const t of ["markdown", "textbox", "number", "button", "dataset", "row", "column"]) expect(types).toContain(t);
    const buttons = config.components.filter((c) => c.type === "button").map((c) => c.props.value);
    expect(buttons).toEqual(["Clear", "Submit", "Flag"]);
    const markdown = config.components.filter((c) => c.type === "markdown").map((c) => c.props.value);
    expect(markdown).toEqual(["# Repeat", "Repeats a word", "Made with Vitrine"]);
  });

  it("labels inputs from the function's parameters and exposes /predict", () => {
    const demo = make();
    const api = demo.apiInfo().named_endpoints;
    expect(Object.keys(api)).toEqual(["/predict"]);
    expect(api["/predict"]!.parameters.map((p) => [p.label, p.parameter_name, p.component])).toEqual([
      ["name", "name", "Textbox"],
      ["times", "times", "Number"],
    ]);
    expect(api["/predict"]!.returns.map((r) => r.label)).toEqual(["output"]);
  });

  it("triggers predict from Submit and from Enter in inputs that submit", () => {
    const demo = make();
    const predict = demo.dependencyByApiName("predict")!;
    const submit = demo.config().components.find((c) => c.type === "button" && c.props.value === "Submit")!;
    expect(predict.targets.map(([b, e]) => [b.id, e])).toEqual([
      [submit.id, "click"],
      [demo.inputComponents[0]!.id, "submit"],
      [demo.inputComponents[1]!.id, "submit"],
    ]);
  });

  it("clears inputs and outputs back to their initial values, outside the queue and the API", async () => {
    const demo = make();
    const clear = demo.dependencies.find((d) => d.outputs.length === 3)!;
    expect(clear.options).toMatchObject({ api_name: false, queue: false, show_api: false });
    expect(await clear.fn!()).toEqual([null, 2, null]);
  });

  it("fills the inputs from a clicked example", () => {
    const demo = make();
    const load = demo.dependencies.find((d) => d.inputs[0]?.type === "dataset")!;
    expect(load.outputs.map((c) => c.id)).toEqual(demo.inputComponents.map((c) => c.id));
    expect(load.fn!(1)).toEqual(["c", 3]);
  });

  it("shows a Stop button instead of Submit while a generator streams, cancelling predict", () => {
    const demo = new vt.Interface({
      fn: async function* (text: string) {
        yield text;
      },
      inputs: "text",
      outputs: "text",
    });
    const config = demo.config();
    const button = (label: string) => config.components.find((c) => c.type === "button" && c.props.value === label)!;
    const [submit, stop] = [button("Submit"), button("Stop")];
    expect(stop.props).toMatchObject({ visible: false, interactive: true, variant: "stop" });
    expect(submit.props.interactive).toBe(true);
    const predict = config.dependencies.find((d) => d.api_name === "predict")!;
    expect(predict.types.generator).toBe(true);
    const swaps = config.dependencies.filter((d) => d.js !== null && d.outputs.includes(submit.id));
    expect(swaps).toHaveLength(3);
    for (const d of swaps) expect(d).toMatchObject({ backend_fn: false, outputs: [submit.id, stop.id], api_name: null, queue: false });
    const [hide, restore, cancel] = swaps;
    expect(hide!.targets).toEqual(predict.targets);
    expect(restore!.trigger_after).toBe(predict.id);
    expect(cancel).toMatchObject({ targets: [[stop.id, "click"]], cancels: [predict.id] });
    expect(new Function(`return (${hide!.js})`)()()).toEqual([
      { __type__: "update", visible: false },
      { __type__: "update", visible: true },
    ]);
    expect(Object.keys(demo.apiInfo().named_endpoints)).toEqual(["/predict"]);
  });

  it("has no Stop button for a plain function", () => {
    const buttons = make().config().components.filter((c) => c.type === "button").map((c) => c.props.value);
    expect(buttons).not.toContain("Stop");
  });

  it("names a misspelt option (for JavaScript callers) and the one it is closest to", () => {
    const fn = (name: string) => name;
    const make = (options: Record<string, unknown>) => new vt.Interface({ fn, inputs: "text", outputs: "text", ...options } as never);
    expect(() => new vt.Interface({ fn, input: "text", outputs: "text" } as never)).toThrow('Unknown option "input" — did you mean "inputs"?');
    expect(() => make({ output: "text" })).toThrow('Unknown option "output" — did you mean "outputs"?');
    expect(() => make({ example: [["a"]] })).toThrow('Unknown option "example" — did you mean "examples"?');
    expect(() => make({ submitBtn: "Go" })).toThrow('Unknown option "submitBtn" — did you mean "submit_btn"?');
    expect(() => make({ allow_flagging: "never" })).toThrow(/^Unknown option "allow_flagging"; the options are: fn, inputs, outputs, title, .*flagging_callback$/);
    expect(() => make({ submit_btn: 1 })).toThrow("Interface: submit_btn must be a label or false, got 1");
    expect(() => make({ max_batch_size: 0 })).toThrow(/max_batch_size must be a whole number/);
    expect(() => new vt.Interface({ inputs: "text", outputs: "text" } as never)).toThrow("Interface: fn must be a function");
    expect(() => new vt.Interface(undefined as never)).toThrow(/takes an options object/);
  });

  it("accepts every option it documents, and bare example values for one input", () => {
    const demo = new vt.Interface({
      fn: (name: string) => `Hi ${name}`,
      inputs: "text",
      outputs: "text",
      title: "t",
      description: "d",
      article: "a",
      examples: ["Ada", ["Grace"]],
      examples_per_page: 5,
      api_name: "greet",
      concurrency_limit: 2,
      submit_btn: "Go",
      clear_btn: "Reset",
      stop_btn: "Halt",
      show_progress: "minimal",
      css: ".x{}",
      theme: "soft",
      js: "() => {}",
      head: '<meta name="x">',
      fill_height: true,
      fill_width: true,
      live: false,
      batch: false,
      max_batch_size: 4,
    });
    expect(demo.config()).toMatchObject({ theme: "soft", css: ".x{}", js: "() => {}", head: '<meta name="x">', fill_height: true, fill_width: true });
    const dataset = demo.config().components.find((c) => c.type === "dataset")!;
    expect(dataset.props).toMatchObject({ samples: [["Ada"], ["Grace"]], samples_per_page: 5 });
  });

  it("rejects an unknown shortcut", () => {
    expect(() => new vt.Interface({ fn: () => "x", inputs: [], outputs: "texty" as "text" })).toThrow(/Unknown component shortcut "texty"/);
  });
});

describe("Interface with the \"state\" shortcut", () => {
  it("links a \"state\" input to the \"state\" output: one State per session, kept on the server", () => {
    const demo = new vt.Interface({
      fn: (message: string, history: string[] | null) => {
        const next = [...(history ?? []), message];
        return [next.join(" "), next] as const;
      },
      inputs: ["text", "state"],
      outputs: ["text", "state"],
    });
    const dep = demo.dependencyByApiName("predict")!;
    expect(dep.inputs[1]).toBe(dep.outputs[1]);
    expect(dep.inputs[1]!.type).toBe("state");
    expect(demo.apiInfo().named_endpoints["/predict"]!.parameters.map((p) => p.label)).toEqual(["message"]);
  });
});
