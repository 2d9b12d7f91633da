import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "./index.js";

describe("Textbox", () => {
  it("passes strings through and turns null into an empty string", () => {
    const box = Textbox();
    expect(box.preprocess("hi")).toBe("hi");
    expect(box.preprocess(null as unknown as string)).toBe("");
    expect(box.postprocess(null)).toBe("");
    expect(box.postprocess(42)).toBe("42");
  });

  it("rejects non-string input values", () => {
    expect(() => Textbox().preprocess(5 as unknown as string)).toThrow(/expects a string/);
  });

  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      Textbox({ label: "Bio", lines: 4, placeholder: "About you", value: "Ada" });
    });
    const [config] = app.config().components.filter((c) => c.type === "textbox");
    expect(config).toMatchObject({
      type: "textbox",
      props: { label: "Bio", lines: 4, placeholder: "About you", value: "Ada", name: "textbox", interactive: true },
      api_info: { type: "string" },
      example_inputs: "Hello!!",
    });
  });

  it("declares its events as listener methods", () => {
    const box = Textbox();
    for (const event of ["change", "input", "submit", "focus", "blur", "select"] as const) {
      expect(typeof box[event]).toBe("function");
    }
  });
});
