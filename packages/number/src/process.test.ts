import { describe, expect, it } from "@jest/globals";
import { Blocks, isUserError, VitrineError } from "@vitrine/core";
import { Number as NumberField, NumberComponent, numberEvents } from "./index.js";

describe("Number", () => {
  it("passes numbers through and accepts numeric strings from API clients", () => {
    const n = NumberField();
    expect(n).toBeInstanceOf(NumberComponent);
    expect(n.preprocess(4.25)).toBe(4.25);
    expect(n.preprocess(-3)).toBe(-3);
    expect(n.preprocess("12.5")).toBe(12.5);
    expect(n.postprocess(7)).toBe(7);
    expect(n.postprocess(null)).toBeNull();
  });

  it("rejects non-numeric payloads with a TypeError", () => {
    const n = NumberField({ label: "Age" });
    expect(() => n.preprocess("abc")).toThrow(TypeError);
    expect(() => n.preprocess("abc")).toThrow('Number "Age" expects a finite number, got "abc"');
    expect(() => n.preprocess(true as unknown as number)).toThrow("got boolean");
    expect(() => n.preprocess({} as unknown as number)).toThrow("got object");
    expect(() => n.preprocess(globalThis.Number.NaN)).toThrow("got NaN");
    expect(() => n.postprocess("x" as unknown as number)).toThrow(TypeError);
  });

  it("asks for a value when the field is empty", () => {
    const n = NumberField({ label: "Age" });
    for (const empty of [null, undefined, ""]) {
      let caught: unknown;
      try {
        n.preprocess(empty);
      } catch (err) {
        caught = err;
      }
      expect(isUserError(caught)).toBe(true);
      expect((caught as Error).message).toBe('Number "Age": a value is required');
    }
  });

  it("rejects values outside [minimum, maximum] with a VitrineError", () => {
    const n = NumberField({ minimum: 0, maximum: 10 });
    expect(n.preprocess(0)).toBe(0);
    expect(n.preprocess(10)).toBe(10);
    expect(() => n.preprocess(-1)).toThrow(VitrineError);
    expect(() => n.preprocess(-1)).toThrow("Number: -1 is less than the minimum, 0");
    expect(() => n.preprocess(10.5)).toThrow("Number: 10.5 is greater than the maximum, 10");
    // Bounds only apply to inputs, as in Gradio.
    expect(n.postprocess(99)).toBe(99);
  });

  it("rounds to precision, in and out", () => {
    const int = NumberField({ precision: 0 });
    expect(int.preprocess(2.5)).toBe(3);
    expect(int.preprocess(-0.4)).toBe(0);
    expect(Object.is(int.preprocess(-0.4), -0)).toBe(false);
    expect(int.postprocess(41.6)).toBe(42);
    const two = NumberField({ precision: 2 });
    expect(two.preprocess(3.14159)).toBe(3.14);
    expect(two.postprocess(2.675)).toBe(2.67); // 2.675 is 2.67499… in binary
    expect(NumberField().preprocess(3.14159)).toBe(3.14159);
    // Rounding happens before the bounds check.
    expect(NumberField({ precision: 0, maximum: 10 }).preprocess(10.4)).toBe(10);
  });

  it("validates its own props", () => {
    expect(() => NumberField({ minimum: 5, maximum: 1 })).toThrow(RangeError);
    expect(() => NumberField({ precision: -1 })).toThrow(RangeError);
    expect(() => NumberField({ precision: 1.5 })).toThrow(RangeError);
    expect(() => NumberField({ minimum: globalThis.Number.NaN })).toThrow(TypeError);
  });

  it("describes itself for the API page", () => {
    expect(NumberField().api()).toEqual({ type: { type: "number" }, python_type: { type: "float", description: "" } });
    expect(NumberField().exampleInput()).toBe(3);
    expect(NumberField({ minimum: 10 }).exampleInput()).toBe(10);
    expect(NumberField({ maximum: -1 }).exampleInput()).toBe(-1);
  });

  it("serializes its props into the config", () => {
    let n!: NumberComponent;
    const app = Blocks(() => {
      n = NumberField({ label: "Age", minimum: 0, maximum: 130, precision: 0, value: 41.6, placeholder: "years" });
    });
    const config = app.config().components.find((c) => c.id === n.id)!;
    expect(config.type).toBe("number");
    expect(config.props).toMatchObject({
      label: "Age",
      minimum: 0,
      maximum: 130,
      step: 1,
      precision: 0,
      placeholder: "years",
      value: 42,
      name: "number",
      interactive: true,
    });
    expect(config.api_info).toEqual({ type: "number" });
    expect(NumberField().configProps()).toMatchObject({ value: null, minimum: null, maximum: null, precision: null });
  });

  it("declares its events as listener methods", () => {
    expect([...numberEvents]).toEqual(["change", "input", "submit", "focus", "blur"]);
    const app = Blocks(() => {
      const a = NumberField();
      const b = NumberField();
      a.submit({ fn: (x: number) => x * 2, inputs: [a], outputs: [b] });
    });
    const [dep] = app.config().dependencies;
    expect(dep!.targets[0]![1]).toBe("submit");
    expect(app.dependencies[0]!.fn!(21)).toBe(42);
  });
});
