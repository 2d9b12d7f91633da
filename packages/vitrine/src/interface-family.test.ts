import { describe, expect, it } from "@jest/globals";
import * as vt from "./index.js";

/** An event context, as the server passes one. */
function context(): vt.EventContext {
  return {
    signal: new AbortController().signal,
    session: { hash: "test" },
    request: { headers: {}, query: {}, client: { host: null }, path: "/", session_hash: "test", username: null },
    event: { target: null, data: null },
    progress: vt.createProgress(() => undefined),
    info: () => undefined,
    warning: () => undefined,
  };
}

const buttons = (app: vt.BlocksApp) => app.config().components.filter((c) => c.type === "button").map((c) => c.props.value);
const call = (app: vt.BlocksApp, name: string, ...args: unknown[]) => app.dependencyByApiName(name)!.fn!(...args, context());

const greeter = (greeting: string, label?: string) =>
  new vt.Interface({
    fn: (name: string) => `${greeting} ${name}!`,
    inputs: vt.Textbox({ label: "name", value: "Ada" }),
    outputs: vt.Textbox(label ? { label } : {}),
    title: greeting,
  });

describe("Interface options", () => {
  it("live: runs on every change of an input, always the last, with no Submit button", () => {
    const demo = new vt.Interface({ fn: (a: number, b: number) => a + b, inputs: ["number", "slider"], outputs: "number", live: true });
    expect(buttons(demo)).toEqual(["Clear", "Flag"]);
    const predict = demo.config().dependencies.find((d) => d.api_name === "predict")!;
    expect(predict.targets).toEqual(demo.inputComponents.map((c) => [c.id, "change"]));
    expect(predict.trigger_mode).toBe("always_last");
  });

  it("live with no inputs runs when the page loads", () => {
    const demo = new vt.Interface({ fn: () => "now", inputs: [], outputs: "text", live: true });
    expect(demo.config().dependencies.find((d) => d.api_name === "predict")!.targets).toEqual([[demo.id, "load"]]);
  });

  it("hides the buttons given false, and names them given labels", () => {
    const bare = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text", submit_btn: false, clear_btn: false });
    expect(buttons(bare)).toEqual(["Flag"]);
    // Enter in the Textbox still submits.
    expect(bare.dependencyByApiName("predict")!.targets.map(([, e]) => e)).toEqual(["submit"]);
    const named = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text", submit_btn: "Go", clear_btn: "Reset" });
    expect(buttons(named)).toEqual(["Reset", "Go", "Flag"]);
    const streaming = new vt.Interface({
      fn: function* (s: string) {
        yield s;
      },
      inputs: "text",
      outputs: "text",
      stop_btn: false,
      flagging_mode: "never",
    });
    expect(buttons(streaming)).toEqual(["Clear", "Submit"]);
    expect(streaming.config().dependencies.filter((d) => d.js !== null)).toEqual([]);
  });

  it("batch: the function takes and returns lists, batched by the queue", async () => {
    const demo = new vt.Interface({
      fn: (names, times) => [names.map((n, i) => n.repeat(times[i]!))],
      inputs: ["text", "number"],
      outputs: "text",
      batch: true,
      max_batch_size: 8,
    });
    expect(demo.config().dependencies.find((d) => d.api_name === "predict")).toMatchObject({ batch: true, max_batch_size: 8 });
    expect(await call(demo, "predict", ["a", "b"], [2, 3])).toEqual([["aa", "bbb"]]);
  });

  it("takes the endpoint's name, progress and page options", () => {
    const demo = new vt.Interface({
      fn: (s: string) => s,
      inputs: "text",
      outputs: "text",
      api_name: "echo",
      show_progress: "minimal",
      theme: "soft",
      css: ".a{}",
      js: "() => 1",
      head: "<meta name=a>",
      fill_height: true,
      fill_width: true,
    });
    const config = demo.config();
    expect(config).toMatchObject({ theme: "soft", css: ".a{}", js: "() => 1", head: "<meta name=a>", fill_height: true, fill_width: true });
    expect(config.dependencies.find((d) => d.api_name === "echo")!.show_progress).toBe("minimal");
    expect(Object.keys(demo.apiInfo().named_endpoints)).toEqual(["/echo"]);
  });

  it("renders description and article with LaTeX ($…$ and $$…$$)", () => {
    const demo = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text", description: "$x$", article: "$$y$$" });
    const markdown = demo.config().components.filter((c) => c.type === "markdown");
    expect(markdown.map((c) => c.props.latex_delimiters)).toEqual([
      [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
    ]);
  });

  it("reports the inputs' initial values as the API's parameter defaults", () => {
    const demo = new vt.Interface({ fn: (name: string, n: number) => name.repeat(n), inputs: [vt.Textbox({ value: "Ada" }), "number"], outputs: "text" });
    expect(demo.apiInfo().named_endpoints["/predict"]!.parameters.map((p) => [p.parameter_has_default, p.parameter_default])).toEqual([
      [true, "Ada"],
      [false, null],
    ]);
  });
});

describe("Interface.render", () => {
  it("rebuilds the Interface in another app from copies of its components, leaving it whole", () => {
    const hello = greeter("Hello");
    const before = JSON.stringify(hello.config().layout);
    const app = vt.Blocks(() => {
      vt.Markdown("Host");
      hello.render();
      hello.render();
    });
    expect(JSON.stringify(hello.config().layout)).toBe(before);
    expect(Object.keys(app.apiInfo().named_endpoints)).toEqual(["/predict", "/predict_1"]);
    const names = app.config().components.filter((c) => c.type === "textbox" && c.props.label === "name");
    expect(names).toHaveLength(2);
    expect(names.map((c) => c.id)).not.toContain(hello.inputComponents[0]!.id);
    expect(names.map((c) => c.props.value)).toEqual(["Ada", "Ada"]);
  });

  it("must be called inside a builder", () => {
    expect(() => greeter("Hi").render()).toThrow(/inside a Blocks builder/);
  });
});

describe("TabbedInterface", () => {
  it("shows each Interface in its tab, with its own endpoint", async () => {
    const demo = new vt.TabbedInterface([greeter("Hello"), greeter("Bye")], ["Hi", "Ciao"], { title: "Greetings", theme: "soft" });
    const config = demo.config();
    expect(config.theme).toBe("soft");
    expect(config.title).toBe("Greetings");
    expect(config.components.filter((c) => c.type === "tabitem").map((c) => c.props.label)).toEqual(["Hi", "Ciao"]);
    expect(Object.keys(demo.apiInfo().named_endpoints)).toEqual(["/predict", "/predict_1"]);
    expect(await call(demo, "predict", "Ada")).toBe("Hello Ada!");
    expect(await call(demo, "predict_1", "Ada")).toBe("Bye Ada!");
    expect(demo.tab_names).toEqual(["Hi", "Ciao"]);
  });

  it("names tabs after the Interfaces' titles, else Tab 1, Tab 2", () => {
    const untitled = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text" });
    expect(new vt.TabbedInterface([greeter("Hello"), untitled]).tab_names).toEqual(["Hello", "Tab 2"]);
  });

  it("nests, and refuses what is not an Interface", () => {
    const inner = new vt.TabbedInterface([greeter("A"), greeter("B")]);
    const outer = new vt.TabbedInterface([inner, greeter("C")]);
    expect(Object.keys(outer.apiInfo().named_endpoints)).toEqual(["/predict", "/predict_1", "/predict_2"]);
    expect(() => new vt.TabbedInterface([vt.Blocks(() => undefined) as never])).toThrow(/item 0 is not an Interface \(got App\)/);
    expect(() => new vt.TabbedInterface([greeter("A")], ["a", "b"])).toThrow(/1 Interfaces need 1 tab names/);
    expect(() => new vt.TabbedInterface([])).toThrow(/non-empty list/);
    expect(() => new vt.TabbedInterface([greeter("A")], null, { titel: "x" } as never)).toThrow(/did you mean "title"/);
  });
});

describe("Parallel", () => {
  it("gives the same inputs to every Interface and shows all their outputs", async () => {
    const demo = new vt.Parallel(greeter("Hello", "Greeter 1"), greeter("Greetings", "Greeter 2"), { title: "Compare" });
    expect(demo.inputComponents).toHaveLength(1);
    expect(demo.outputComponents.map((c) => c.props.label)).toEqual(["Greeter 1", "Greeter 2"]);
    expect(demo.config().title).toBe("Compare");
    expect(Object.keys(demo.apiInfo().named_endpoints)).toEqual(["/predict"]);
    expect(await call(demo, "predict", "Ada")).toEqual(["Hello Ada!", "Greetings Ada!"]);
  });

  it("runs generators and batch functions to their final value", async () => {
    const stream = new vt.Interface({
      fn: async function* (s: string) {
        yield `${s}.`;
        yield `${s}..`;
      },
      inputs: "text",
      outputs: "text",
    });
    const batch = new vt.Interface({ fn: (xs: string[]) => [xs.map((x) => x.length)], inputs: "text", outputs: "number", batch: true });
    expect(await call(new vt.Parallel(stream, batch), "predict", "abc")).toEqual(["abc..", 3]);
  });

  it("refuses Interfaces with different numbers of inputs", () => {
    const two = new vt.Interface({ fn: (a: string, b: string) => a + b, inputs: ["text", "text"], outputs: "text" });
    expect(() => new vt.Parallel(greeter("A"), two)).toThrow(/Interface 1 has 2 input\(s\), the first has 1/);
    expect(() => new vt.Parallel(greeter("A"), 3 as never)).toThrow("Parallel: argument 1 is not an Interface (got number)");
    expect(() => new vt.Parallel({} as never)).toThrow("Parallel takes one or more Interfaces");
  });
});

describe("Series", () => {
  it("feeds each Interface's outputs to the next one's inputs, through the components", async () => {
    const count = new vt.Interface({ fn: (s: string) => s.length, inputs: "text", outputs: "number" });
    const describe = new vt.Interface({ fn: (s: string) => `${s} letters`, inputs: "text", outputs: vt.Textbox({ label: "words" }) });
    const demo = new vt.Series(count, describe);
    expect(demo.inputComponents.map((c) => c.type)).toEqual(["textbox"]);
    expect(demo.outputComponents.map((c) => c.props.label)).toEqual(["words"]);
    // The number 3 reaches the Textbox as the text "3".
    expect(await call(demo, "predict", "abc")).toBe("3 letters");
  });

  it("refuses Interfaces whose outputs do not fit the next inputs", () => {
    const two = new vt.Interface({ fn: (a: string, b: string) => a + b, inputs: ["text", "text"], outputs: "text" });
    expect(() => new vt.Series(greeter("A"), two)).toThrow(/Interface 0 has 1 output\(s\) but Interface 1, which they feed, has 2 input\(s\)/);
    expect(() => new vt.Series(greeter("A"), { fn: 1 } as never)).toThrow(/Unknown option "fn"/);
  });
});

describe("copyComponent", () => {
  it("makes a component of the same class and props, unplaced", () => {
    const original = vt.Slider({ minimum: 1, maximum: 5, label: "n" });
    const copy = vt.copyComponent(original);
    expect(copy).toBeInstanceOf(original.constructor);
    expect(copy.id).not.toBe(original.id);
    expect(copy.parent).toBeNull();
    expect(copy.configProps()).toEqual(original.configProps());
  });
});
