import { describe, expect, it, jest } from "@jest/globals";
import { Blocks, isUserError, type ValueOf } from "@vitrine/core";
import { Slider, SliderComponent, sliderEvents } from "./index.js";

describe("Slider", () => {
  it("defaults to the range 0..100 with step 1, starting at the minimum", () => {
    const s = Slider();
    expect(s).toBeInstanceOf(SliderComponent);
    expect(s.configProps()).toMatchObject({ minimum: 0, maximum: 100, step: 1, value: 0, name: "slider" });
    expect(Slider({ minimum: 2, maximum: 8, step: 0.5, value: 4.5 }).configProps()).toMatchObject({
      minimum: 2,
      maximum: 8,
      step: 0.5,
      value: 4.5,
    });
  });

  it("passes numbers in range through, and a missing value as the minimum", () => {
    const s = Slider({ minimum: 1, maximum: 5 });
    expect(s.preprocess(3)).toBe(3);
    expect(s.preprocess(1)).toBe(1);
    expect(s.preprocess(5)).toBe(5);
    expect(s.preprocess("2.5")).toBe(2.5);
    expect(s.preprocess(null)).toBe(1);
    expect(s.postprocess(4)).toBe(4);
    expect(s.postprocess(null)).toBe(1);
    expect(s.emptyPayload()).toBe(1);
  });

  it("rejects non-numbers with a TypeError and out-of-range values with a VitrineError", () => {
    const s = Slider({ minimum: 1, maximum: 5, label: "Times" });
    expect(() => s.preprocess("many")).toThrow(new TypeError('Slider "Times" expects a finite number, got "many"'));
    expect(() => s.preprocess([] as unknown as number)).toThrow(TypeError);
    const errorOf = (payload: number) => {
      try {
        s.preprocess(payload);
      } catch (err) {
        return err;
      }
      return null;
    };
    expect(isUserError(errorOf(0))).toBe(true);
    expect((errorOf(0) as Error).message).toBe('Slider "Times": 0 is less than the minimum, 1');
    expect((errorOf(6) as Error).message).toBe('Slider "Times": 6 is greater than the maximum, 5');
  });

  it("describes its range for the API page, like Gradio", () => {
    expect(Slider().api()).toEqual({
      type: { type: "number", minimum: 0, maximum: 100, description: "numeric value between 0 and 100" },
      python_type: { type: "float", description: "numeric value between 0 and 100" },
    });
    expect(Slider({ minimum: -1, maximum: 1.5 }).api().python_type.description).toBe("numeric value between -1 and 1.5");
    expect(Slider({ minimum: 3, maximum: 9 }).exampleInput()).toBe(3);
  });

  it("draws a random initial value on the step grid when randomize is set", () => {
    const random = jest.spyOn(Math, "random");
    try {
      const s = Slider({ minimum: 0.1, maximum: 1, step: 0.1, randomize: true });
      random.mockReturnValue(0.25);
      expect(s.initialPayload()).toBe(0.3);
      random.mockReturnValue(0.999999);
      expect(s.initialPayload()).toBe(1);
      random.mockReturnValue(0);
      expect(s.initialPayload()).toBe(0.1);
    } finally {
      random.mockRestore();
    }
  });

  it("validates its own props", () => {
    expect(() => Slider({ minimum: 10, maximum: 0 })).toThrow(RangeError);
    expect(() => Slider({ step: 0 })).toThrow(RangeError);
    expect(() => Slider({ maximum: Infinity })).toThrow(TypeError);
  });

  it("gives the function a number and fires change, input and release", () => {
    expect([...sliderEvents]).toEqual(["change", "input", "release"]);
    let s!: SliderComponent;
    const app = Blocks(() => {
      s = Slider({ minimum: 1, maximum: 5, label: "Times" });
      s.release({ fn: (n: number) => n + 1, inputs: [s], outputs: [s] });
    });
    const value: ValueOf<SliderComponent> = 2;
    expect(app.dependencies[0]!.fn!(value)).toBe(3);
    expect(app.config().dependencies[0]!.targets).toEqual([[s.id, "release"]]);
    const config = app.config().components.find((c) => c.id === s.id)!;
    expect(config.props.interactive).toBe(true);
    expect(config.api_info).toEqual(s.api().type);
  });
});
