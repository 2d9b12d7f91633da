import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Checkbox, CheckboxComponent, checkboxEvents } from "./index.js";

describe("Checkbox", () => {
  it("passes booleans through and treats a missing value as false", () => {
    const c = Checkbox();
    expect(c).toBeInstanceOf(CheckboxComponent);
    expect(c.preprocess(true)).toBe(true);
    expect(c.preprocess(false)).toBe(false);
    expect(c.preprocess(null)).toBe(false);
    expect(c.preprocess(undefined)).toBe(false);
  });

  it("rejects non-boolean payloads with a TypeError", () => {
    const c = Checkbox({ label: "Loud" });
    expect(() => c.preprocess("true" as unknown as boolean)).toThrow(new TypeError('Checkbox "Loud" expects true or false, got "true"'));
    expect(() => c.preprocess(1 as unknown as boolean)).toThrow("got number");
  });

  it("postprocesses to a boolean", () => {
    const c = Checkbox();
    expect(c.postprocess(true)).toBe(true);
    expect(c.postprocess(false)).toBe(false);
    expect(c.postprocess(null)).toBe(false);
  });

  it("describes itself for the API page", () => {
    expect(Checkbox().api()).toEqual({ type: { type: "boolean" }, python_type: { type: "bool", description: "" } });
    expect(Checkbox().exampleInput()).toBe(true);
  });

  it("serializes its value into the config, unchecked by default", () => {
    let on!: CheckboxComponent;
    let off!: CheckboxComponent;
    const app = Blocks(() => {
      on = Checkbox({ label: "Loud", value: true, info: "Shout the greeting" });
      off = Checkbox();
    });
    const config = app.config();
    expect(config.components.find((c) => c.id === on.id)!.props).toMatchObject({
      label: "Loud",
      info: "Shout the greeting",
      value: true,
      name: "checkbox",
    });
    expect(config.components.find((c) => c.id === off.id)!.props.value).toBe(false);
    expect(config.components.find((c) => c.id === on.id)!.api_info).toEqual({ type: "boolean" });
  });

  it("fires change, input and select, and gives the function a boolean", () => {
    expect([...checkboxEvents]).toEqual(["change", "input", "select"]);
    const app = Blocks(() => {
      const c = Checkbox();
      c.select({ fn: (checked: boolean) => !checked, inputs: [c], outputs: [c] });
    });
    expect(app.config().dependencies[0]!.targets[0]![1]).toBe("select");
    expect(app.dependencies[0]!.fn!(true)).toBe(false);
  });
});
