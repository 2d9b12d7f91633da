import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { ColorPicker, ColorPickerComponent, colorPickerEvents, normalizeColor } from "./index.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("ColorPicker", () => {
  it("normalises every accepted colour form to lower-case #rrggbb", () => {
    expect(normalizeColor("#FF8800")).toBe("#ff8800");
    expect(normalizeColor("#f80")).toBe("#ff8800");
    expect(normalizeColor(" #AbC ")).toBe("#aabbcc");
    expect(normalizeColor("rgb(255, 136, 0)")).toBe("#ff8800");
    expect(normalizeColor("rgba(0,0,0,0.5)")).toBe("#000000");
    expect(normalizeColor("rgb(256, 0, 0)")).toBeNull();
    expect(normalizeColor("red")).toBeNull();
    expect(normalizeColor("#ff88")).toBeNull();
    expect(normalizeColor("ff8800")).toBeNull();
  });

  it("passes the browser's colour as #rrggbb, and black when empty", () => {
    const c = ColorPicker({ label: "Paint" });
    expect(c).toBeInstanceOf(ColorPickerComponent);
    expect(c.preprocess("#00FF7F")).toBe("#00ff7f");
    expect(c.preprocess(null)).toBe("#000000");
    expect(c.postprocess("#0af")).toBe("#00aaff");
    expect(c.postprocess("rgb(1, 2, 3)")).toBe("#010203");
    expect(c.postprocess(null)).toBe("#000000");
  });

  it("refuses what is not a colour with a clear message", () => {
    const c = ColorPicker({ label: "Paint" });
    const bad = thrown(() => c.preprocess("chartreuse-ish"));
    expect(bad).toBeInstanceOf(VitrineError);
    expect(isUserError(bad)).toBe(true);
    expect(bad.message).toBe('ColorPicker "Paint": "chartreuse-ish" is not a colour; expected "#rrggbb", "#rgb" or "rgb(r, g, b)"');
    expect(thrown(() => c.postprocess(42 as unknown as string)).message).toMatch(/42 is not a colour/);
    expect(() => ColorPicker({ value: "blue" })).toThrow(/the initial value "blue" is not a colour/);
  });

  it("serializes into the config and describes itself like Gradio", () => {
    expect([...colorPickerEvents]).toEqual(["change", "input", "submit", "focus", "blur"]);
    let pick!: ColorPickerComponent;
    const app = Blocks(() => {
      pick = ColorPicker({ label: "Paint", value: "#F80", info: "any colour" });
      const out = ColorPicker({ label: "Inverse" });
      pick.change({
        fn: (hex: string) => `#${(0xffffff - parseInt(hex.slice(1), 16)).toString(16).padStart(6, "0")}`,
        inputs: [pick],
        outputs: [out],
      });
    });
    const config = app.config().components.find((c) => c.id === pick.id)!;
    expect(config.type).toBe("colorpicker");
    expect(config.props).toMatchObject({ value: "#ff8800", label: "Paint", info: "any colour", name: "colorpicker" });
    expect(config.api_info).toEqual({ type: "string" });
    expect(pick.api().python_type.type).toBe("str");
    expect(app.dependencies[0]!.fn!(pick.preprocess("#ff8800"))).toBe("#0077ff");
  });
});
