import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { ParamViewer, ParamViewerComponent, normalizeParameters, paramViewerEvents } from "./index.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

const greetDocs = {
  name: { type: "str", description: "Who to greet, **in bold**.", default: '"World"' },
  times: { type: "int", description: "How many times.", default: "1" },
};

describe("ParamViewer", () => {
  it("has Gradio's props and defaults", () => {
    const p = ParamViewer();
    expect(p).toBeInstanceOf(ParamViewerComponent);
    expect(p.configProps()).toMatchObject({
      value: {},
      language: "python",
      linkify: [],
      header: "Parameters",
      anchor_links: false,
      max_height: null,
      name: "paramviewer",
    });
    expect(
      ParamViewer({ value: greetDocs, language: "typescript", linkify: ["Image"], header: null, anchor_links: "greet", max_height: 300 }).configProps(),
    ).toMatchObject({ value: greetDocs, language: "typescript", linkify: ["Image"], header: null, anchor_links: "greet", max_height: 300 });
    expect([...paramViewerEvents]).toEqual(["change", "upload"]);
    expect(typeof p.change).toBe("function");
    expect(typeof p.upload).toBe("function");
  });

  it("passes Gradio's format through, in order, and fills in missing fields", () => {
    const p = ParamViewer();
    expect(p.postprocess(greetDocs)).toEqual(greetDocs);
    expect(Object.keys(p.postprocess({ z: {}, a: {}, m: {} }))).toEqual(["z", "a", "m"]);
    expect(p.postprocess({ x: {} })).toEqual({ x: { type: null, description: "", default: null } });
    expect(p.postprocess(null)).toEqual({});
    expect(p.preprocess(greetDocs)).toEqual(greetDocs);
    expect(p.preprocess(null)).toEqual({});
  });

  it("writes defaults given as values as code", () => {
    const p = ParamViewer();
    const out = p.postprocess({
      n: { type: "int", default: 3 },
      flag: { type: "bool", default: false },
      list: { type: "list[str]", default: ["a", "b"] },
      none: { type: "None", default: null },
    });
    expect(out).toEqual({
      n: { type: "int", description: "", default: "3" },
      flag: { type: "bool", description: "", default: "false" },
      list: { type: "list[str]", description: "", default: '["a","b"]' },
      none: { type: "None", description: "", default: null },
    });
  });

  it("rejects values of the wrong shape, naming the parameter", () => {
    const p = ParamViewer({ label: "Docs" });
    expect(thrown(() => p.postprocess([] as never)).message).toBe(
      'ParamViewer "Docs": expected an object of parameters ({ name: { type, description, default } }), got an array',
    );
    expect(thrown(() => p.postprocess({ a: "str" } as never)).message).toMatch(/parameter "a": expected an object/);
    expect(thrown(() => p.postprocess({ a: { type: 3 } } as never)).message).toMatch(/parameter "a": type must be a string or null, got number/);
    expect(thrown(() => p.postprocess({ a: { description: {} } } as never)).message).toMatch(/description must be a string/);
    expect(thrown(() => p.postprocess({ a: { default: () => 1 } })).message).toMatch(/default must be a string or a JSON value/);
    expect(thrown(() => p.postprocess([] as never))).toBeInstanceOf(TypeError);
    // From a browser or client: a VitrineError the user sees, and defaults must be strings.
    const bad = thrown(() => p.preprocess({ a: { default: 3 } } as never));
    expect(bad).toBeInstanceOf(VitrineError);
    expect(isUserError(bad)).toBe(true);
    expect(bad.message).toBe('ParamViewer "Docs": parameter "a": default must be a string or null, got number');
    expect(thrown(() => p.preprocess("x" as never))).toBeInstanceOf(VitrineError);
    // A bad initial value fails at once.
    expect(() => ParamViewer({ value: { a: 1 } as never })).toThrow(TypeError);
  });

  it("validates its props", () => {
    expect(() => ParamViewer({ language: "rust" as "python" })).toThrow(/language/);
    expect(() => ParamViewer({ linkify: [""] })).toThrow(/linkify/);
    expect(() => ParamViewer({ anchor_links: 1 as unknown as boolean })).toThrow(/anchor_links/);
    expect(() => ParamViewer({ max_height: -1 })).toThrow(/max_height/);
    expect(() => ParamViewer({ header: 3 as unknown as string })).toThrow(/header/);
  });

  it("describes itself for the API like Gradio: any valid json", () => {
    const p = ParamViewer();
    expect(p.api()).toEqual({
      type: { type: {}, description: "any valid json" },
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    });
    expect(p.exampleInput()).toEqual({ array: { type: "numpy", description: "any valid json", default: "None" } });
    expect(normalizeParameters(p.exampleInput(), { strict: true })).toEqual(p.exampleInput());
  });

  it("as an output of a function that documents parameters; change is a listener", () => {
    let viewer!: ParamViewerComponent;
    const app = Blocks(() => {
      viewer = ParamViewer();
      const copy = ParamViewer();
      viewer.change({ fn: (v) => v, inputs: [viewer], outputs: [copy], api_name: "copy_docs" });
    });
    const config = app.config();
    expect(config.dependencies[0]!.targets).toEqual([[viewer.id, "change"]]);
    const endpoint = app.apiInfo().named_endpoints["/copy_docs"]!;
    expect(endpoint.parameters[0]).toMatchObject({ component: "Paramviewer", python_type: { type: "str | float | bool | list | dict" } });
    expect(endpoint.returns[0]).toMatchObject({ component: "Paramviewer" });
  });
});
