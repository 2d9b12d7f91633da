import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { CheckboxGroup, CheckboxGroupComponent, checkboxGroupEvents } from "./index.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("CheckboxGroup", () => {
  it("passes the ticked values through, none by default", () => {
    const g = CheckboxGroup({ choices: ["USA", "Japan", "Pakistan"], label: "Countries" });
    expect(g).toBeInstanceOf(CheckboxGroupComponent);
    expect(g.preprocess(["Japan", "USA"])).toEqual(["Japan", "USA"]);
    expect(g.preprocess([])).toEqual([]);
    expect(g.preprocess(null)).toEqual([]);
    expect(g.postprocess(["USA"])).toEqual(["USA"]);
    expect(g.postprocess(null)).toEqual([]);
    expect(g.configProps()).toMatchObject({ value: [], choices: [["USA", "USA"], ["Japan", "Japan"], ["Pakistan", "Pakistan"]], show_select_all: false, type: "value", name: "checkboxgroup" });
  });

  it("accepts [label, value] pairs and passes indices with type 'index'", () => {
    const g = CheckboxGroup({ choices: [["One", 1], ["Two", 2], "three"], value: [2] });
    expect(g.preprocess([1, "three"])).toEqual([1, "three"]);
    expect(g.configProps().value).toEqual([2]);
    expect(CheckboxGroup({ choices: ["a", "b", "c"], type: "index" }).preprocess(["c", "a"])).toEqual([2, 0]);
  });

  it("refuses values outside the choices with a clear VitrineError", () => {
    const g = CheckboxGroup({ choices: ["a", "b"], label: "Letters" });
    const wrong = thrown(() => g.preprocess(["a", "z"]));
    expect(wrong).toBeInstanceOf(VitrineError);
    expect(isUserError(wrong)).toBe(true);
    expect(wrong.message).toBe('CheckboxGroup "Letters": "z" is not one of the choices ("a", "b")');
    expect(thrown(() => g.preprocess("a")).message).toBe('CheckboxGroup "Letters": expected a list of choices, got "a"');
    expect(thrown(() => CheckboxGroup({ choices: [1] }).preprocess(["1"])).message).toBe('CheckboxGroup: "1" is not one of the choices (1)');
  });

  it("validates its own props", () => {
    expect(() => CheckboxGroup({ choices: ["a"], value: ["b" as "a"] })).toThrow(RangeError);
    expect(() => CheckboxGroup({ choices: ["a"], value: "a" as unknown as ["a"] })).toThrow(TypeError);
    expect(() => CheckboxGroup({ choices: [null as unknown as string] })).toThrow(TypeError);
    expect(() => CheckboxGroup({ choices: ["a"], type: "label" as "value" })).toThrow(TypeError);
  });

  it("describes its value for the API page and declares Gradio's events", () => {
    expect(CheckboxGroup({ choices: ["a", "b"] }).api()).toEqual({
      type: { type: "array", items: { enum: ["a", "b"], type: "string" } },
      python_type: { type: "list[Literal['a', 'b']]", description: "" },
    });
    expect(CheckboxGroup({ choices: ["a", "b"] }).exampleInput()).toEqual(["a"]);
    expect([...checkboxGroupEvents]).toEqual(["change", "input", "select"]);
    let g!: CheckboxGroupComponent<"a" | "b">;
    const app = Blocks(() => {
      g = CheckboxGroup({ choices: ["a", "b"], show_select_all: true });
      const out = CheckboxGroup({ choices: ["a", "b"] });
      g.change({ fn: (list) => list.filter((x) => x !== "a"), inputs: [g], outputs: [out] });
    });
    expect(app.dependencies[0]!.fn!(g.preprocess(["a", "b"]))).toEqual(["b"]);
    expect(app.config().components.find((c) => c.id === g.id)!.props.show_select_all).toBe(true);
  });
});
