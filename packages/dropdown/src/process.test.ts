import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { Dropdown, DropdownComponent, dropdownEvents } from "./index.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("Dropdown", () => {
  it("passes a chosen value through, and starts on the first choice as Gradio does", () => {
    const d = Dropdown({ choices: ["cat", "dog"], label: "Animal" });
    expect(d).toBeInstanceOf(DropdownComponent);
    expect(d.preprocess("dog")).toBe("dog");
    expect(d.postprocess("cat")).toBe("cat");
    expect(d.postprocess(null)).toBeNull();
    expect(d.configProps().value).toBe("cat");
    expect(Dropdown({ choices: ["cat", "dog"], value: null }).configProps().value).toBeNull();
    expect(Dropdown({ choices: ["cat", "dog"], multiselect: true }).configProps().value).toEqual([]);
  });

  it("accepts [label, value] pairs; the function sees the value, never the label", () => {
    const d = Dropdown({ choices: [["Red", "r"], ["Green", "g"]] as const, value: "g" });
    expect(d.preprocess("r")).toBe("r");
    expect(thrown(() => d.preprocess("Red"))).toBeInstanceOf(VitrineError);
    expect(d.configProps()).toMatchObject({
      choices: [["Red", "r"], ["Green", "g"]],
      value: "g",
      type: "value",
      multiselect: false,
      allow_custom_value: false,
      max_choices: null,
      filterable: true,
      name: "dropdown",
    });
    expect(Dropdown({ choices: ["one", ["Two", 2]] }).choices).toEqual([["one", "one"], ["Two", 2]]);
  });

  it("passes indices with type 'index'", () => {
    expect(Dropdown({ choices: ["a", "b", "c"], type: "index" }).preprocess("c")).toBe(2);
    expect(Dropdown({ choices: ["a", "b", "c"], type: "index", multiselect: true }).preprocess(["c", "a"])).toEqual([2, 0]);
  });

  it("refuses a value outside the choices, and no selection, with a clear VitrineError", () => {
    const d = Dropdown({ choices: ["cat", "dog"], label: "Animal" });
    const wrong = thrown(() => d.preprocess("cow"));
    expect(wrong).toBeInstanceOf(VitrineError);
    expect(isUserError(wrong)).toBe(true);
    expect(wrong.message).toBe('Dropdown "Animal": "cow" is not one of the choices ("cat", "dog")');
    expect(thrown(() => d.preprocess(null)).message).toBe('Dropdown "Animal": select one of the choices ("cat", "dog")');
    expect(thrown(() => Dropdown({ choices: [1, 2] }).preprocess("1")).message).toBe('Dropdown: "1" is not one of the choices (1, 2)');
    const m = Dropdown({ choices: ["cat", "dog"], multiselect: true });
    expect(thrown(() => m.preprocess(["cat", "cow"])).message).toBe('Dropdown: "cow" is not one of the choices ("cat", "dog")');
    expect(thrown(() => m.preprocess("cat")).message).toBe('Dropdown: expected a list of choices, got "cat"');
  });

  it("takes a list with multiselect, and enforces max_choices", () => {
    const m = Dropdown({ choices: ["a", "b", "c"], multiselect: true, max_choices: 2, label: "Letters" });
    expect(m.preprocess(["b", "a"])).toEqual(["b", "a"]);
    expect(m.preprocess(null)).toEqual([]);
    expect(m.preprocess([])).toEqual([]);
    expect(thrown(() => m.preprocess(["a", "b", "c"])).message).toBe('Dropdown "Letters": choose at most 2 choices, got 3');
    expect(m.postprocess(["a"])).toEqual(["a"]);
    expect(m.postprocess(null)).toEqual([]);
    expect(() => Dropdown({ choices: ["a", "b", "c"], multiselect: true, max_choices: 1, value: ["a", "b"] })).toThrow(RangeError);
    expect(() => Dropdown({ choices: ["a"], multiselect: true, max_choices: 0 })).toThrow(RangeError);
  });

  it("takes custom values with allow_custom_value (null as an index)", () => {
    const d = Dropdown({ choices: ["cat", "dog"], allow_custom_value: true, value: "lynx" });
    expect(d.configProps().value).toBe("lynx");
    expect(d.preprocess("cow")).toBe("cow");
    expect(d.preprocess("dog")).toBe("dog");
    expect(Dropdown({ choices: ["cat", "dog"], allow_custom_value: true, type: "index" }).preprocess("cow")).toBeNull();
    expect(Dropdown({ choices: ["cat"], allow_custom_value: true, multiselect: true }).preprocess(["cat", "emu"])).toEqual(["cat", "emu"]);
    expect(thrown(() => d.preprocess({ evil: true }))).toBeInstanceOf(VitrineError);
  });

  it("validates its own props", () => {
    expect(() => Dropdown({ choices: ["a", "b"], value: "c" as "a" })).toThrow(RangeError);
    expect(() => Dropdown({ choices: ["a", "b"], multiselect: true, value: "a" as unknown as ["a"] })).toThrow(TypeError);
    expect(() => Dropdown({ choices: [["a", "b", "c"] as unknown as [string, string]] })).toThrow(TypeError);
    expect(() => Dropdown({ choices: ["a"], type: "label" as "value" })).toThrow(TypeError);
  });

  it("describes its value for the API page", () => {
    expect(Dropdown({ choices: ["cat", "dog"] }).api()).toEqual({
      type: { enum: ["cat", "dog"], type: "string" },
      python_type: { type: "Literal['cat', 'dog']", description: "" },
    });
    expect(Dropdown({ choices: [1, 2], multiselect: true }).api()).toEqual({
      type: { type: "array", items: { enum: [1, 2], type: "number" } },
      python_type: { type: "list[Literal[1, 2]]", description: "" },
    });
    expect(Dropdown({ choices: ["a"], allow_custom_value: true }).api()).toEqual({
      type: { type: "string" },
      python_type: { type: "str", description: "" },
    });
    expect(Dropdown({ choices: ["x", "y"] }).exampleInput()).toBe("x");
    expect(Dropdown({ choices: ["x", "y"], multiselect: true }).exampleInput()).toEqual(["x"]);
  });

  it("declares Gradio's events and serializes into the config", () => {
    expect([...dropdownEvents]).toEqual(["change", "input", "select", "focus", "blur", "key_up"]);
    let d!: DropdownComponent<"cat" | "dog", "value", true>;
    const app = Blocks(() => {
      d = Dropdown({ choices: ["cat", "dog"], multiselect: true, label: "Pets" });
      const out = Dropdown({ choices: ["cat", "dog"], multiselect: true });
      d.change({ fn: (list) => [...list].reverse(), inputs: [d], outputs: [out] });
    });
    expect(app.dependencies[0]!.fn!(d.preprocess(["cat", "dog"]))).toEqual(["dog", "cat"]);
    const config = app.config().components.find((c) => c.id === d.id)!;
    expect(config.type).toBe("dropdown");
    expect(config.props.value).toEqual([]);
    expect(config.props.multiselect).toBe(true);
  });
});
