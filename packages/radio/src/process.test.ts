import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { Radio, RadioComponent, radioEvents } from "./index.js";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}

describe("Radio", () => {
  it("passes a chosen value through", () => {
    const r = Radio({ choices: ["add", "subtract"] });
    expect(r).toBeInstanceOf(RadioComponent);
    expect(r.preprocess("add")).toBe("add");
    expect(r.preprocess("subtract")).toBe("subtract");
    expect(r.postprocess("add")).toBe("add");
    expect(r.postprocess(null)).toBeNull();
  });

  it("rejects values that are not among the choices, and an empty selection, with a VitrineError", () => {
    const r = Radio({ choices: ["add", "subtract"], label: "Operation" });
    const wrong = thrown(() => r.preprocess("divide" as "add"));
    expect(wrong).toBeInstanceOf(VitrineError);
    expect(isUserError(wrong)).toBe(true);
    expect((wrong as Error).message).toBe('Radio "Operation": "divide" is not one of the choices ("add", "subtract")');
    expect((thrown(() => r.preprocess(null)) as Error).message).toBe(
      'Radio "Operation": select one of the choices ("add", "subtract")',
    );
    // Values are compared exactly: a number is not its string.
    expect(thrown(() => Radio({ choices: [1, 2] }).preprocess("1" as unknown as 1))).toBeInstanceOf(VitrineError);
  });

  it("passes the index with type 'index'", () => {
    const r = Radio({ choices: ["add", "subtract", "multiply"], type: "index" });
    expect(r.preprocess("multiply")).toBe(2);
    expect(r.preprocess("add")).toBe(0);
    expect(r.configProps().type).toBe("index");
  });

  it("accepts [label, value] pairs; the function sees the value and the view the label", () => {
    const r = Radio({ choices: [["Add", "add"], ["Take away", "sub"]] as const, value: "sub" });
    expect(r.preprocess("sub")).toBe("sub");
    expect(thrown(() => r.preprocess("Take away" as "sub"))).toBeInstanceOf(VitrineError);
    expect(r.configProps()).toMatchObject({
      choices: [["Add", "add"], ["Take away", "sub"]],
      value: "sub",
      type: "value",
      name: "radio",
    });
    const mixed = Radio({ choices: ["one", ["Two", 2]] });
    expect(mixed.choices).toEqual([["one", "one"], ["Two", 2]]);
  });

  it("describes its choices for the API page, like Gradio", () => {
    expect(Radio({ choices: ["add", "subtract"] }).api()).toEqual({
      type: { enum: ["add", "subtract"], type: "string" },
      python_type: { type: "Literal['add', 'subtract']", description: "" },
    });
    expect(Radio({ choices: [["One", 1], ["Two", 2.5]] }).api()).toEqual({
      type: { enum: [1, 2.5], type: "number" },
      python_type: { type: "Literal[1, 2.5]", description: "" },
    });
    expect(Radio({ choices: ["it's", 'say "hi"', "a\\b"] }).api().python_type.type).toBe(
      `Literal["it's", 'say "hi"', 'a\\\\b']`,
    );
    expect(Radio({ choices: ["x", "y"] }).exampleInput()).toBe("x");
    expect(Radio().exampleInput()).toBeNull();
  });

  it("validates its own props", () => {
    expect(() => Radio({ choices: ["a", "b"], value: "c" as "a" })).toThrow(RangeError);
    expect(() => Radio({ choices: [["a", "b", "c"] as unknown as [string, string]] })).toThrow(TypeError);
    expect(() => Radio({ choices: [{} as unknown as string] })).toThrow(TypeError);
    expect(() => Radio({ choices: ["a"], type: "label" as "value" })).toThrow(TypeError);
  });

  it("types the event function from its choices and serializes into the config", () => {
    expect([...radioEvents]).toEqual(["select", "change", "input"]);
    let op!: RadioComponent<"add" | "subtract">;
    const app = Blocks(() => {
      op = Radio({ choices: ["add", "subtract"], label: "Operation" });
      const out = Radio({ choices: ["add", "subtract"] });
      op.change({
        fn: (o: "add" | "subtract") => (o === "add" ? "subtract" : "add"),
        inputs: [op],
        outputs: [out],
      });
    });
    expect(app.dependencies[0]!.fn!(op.preprocess("add"))).toBe("subtract");
    const config = app.config().components.find((c) => c.id === op.id)!;
    expect(config.type).toBe("radio");
    expect(config.props.value).toBeNull();
    expect(config.api_info).toEqual({ enum: ["add", "subtract"], type: "string" });
  });
});
