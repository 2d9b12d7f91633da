import { describe, expect, it } from "@jest/globals";
import { Blocks, update } from "@vitrine/core";
import { Timer, TimerComponent, timerEvents } from "./index.js";

describe("Timer", () => {
  it("takes its period in seconds as the first argument or the value prop, 1 by default", () => {
    expect(Timer().initialPayload()).toBe(1);
    expect(Timer(0.5).initialPayload()).toBe(0.5);
    expect(Timer(2, { active: false }).configProps()).toMatchObject({ value: 2, active: false });
    expect(Timer({ value: 3 }).configProps()).toMatchObject({ value: 3, active: true });
    expect(Timer()).toBeInstanceOf(TimerComponent);
  });

  it("rejects a period that is not a positive number, and a non-boolean active", () => {
    expect(() => Timer(0)).toThrow(RangeError);
    expect(() => Timer(-1)).toThrow(RangeError);
    expect(() => Timer(Number.NaN)).toThrow(RangeError);
    expect(() => Timer(1, { active: "yes" as unknown as boolean })).toThrow(TypeError);
    expect(() => Timer().postprocess(0)).toThrow(RangeError);
  });

  it("passes its period to functions and takes a new one from them", () => {
    const timer = Timer(2);
    expect(timer.preprocess(0.25)).toBe(0.25);
    expect(timer.preprocess(null)).toBe(2);
    expect(() => timer.preprocess("1" as unknown as number)).toThrow(TypeError);
    expect(timer.postprocess(4)).toBe(4);
    expect(timer.postprocess(null)).toBeNull();
  });

  it("is a hidden block with no container in the config, and fires tick", () => {
    let timer!: TimerComponent;
    const app = Blocks(() => {
      timer = Timer(0.5);
      timer.tick({ fn: () => update({ active: false }), outputs: [timer] });
    });
    const config = app.config();
    const block = config.components.find((c) => c.id === timer.id)!;
    expect(block).toMatchObject({
      type: "timer",
      props: { value: 0.5, active: true, visible: "hidden", container: false, name: "timer" },
      api_info: { type: "number" },
    });
    expect([...timerEvents]).toEqual(["tick"]);
    expect(config.dependencies[0]!.targets).toEqual([[timer.id, "tick"]]);
  });
});
