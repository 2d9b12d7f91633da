import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import { HTML } from "./index.js";

describe("HTML", () => {
  it("passes strings through, turns numbers into strings and null into an empty string", () => {
    const box = HTML();
    expect(box.postprocess("<b>hi</b>")).toBe("<b>hi</b>");
    expect(box.postprocess(3)).toBe("3");
    expect(box.postprocess(null)).toBe("");
    expect(box.preprocess("<i>x</i>")).toBe("<i>x</i>");
    expect(box.preprocess(null)).toBe("");
  });

  it("refuses values that are not strings", () => {
    expect(() => HTML({ label: "Card" }).postprocess({ a: 1 } as unknown as string)).toThrow(VitrineError);
    expect(() => HTML({ label: "Card" }).postprocess({ a: 1 } as unknown as string)).toThrow(/HTML "Card": the function returned a object/);
    expect(() => HTML().preprocess(5 as unknown as string)).toThrow(/expects a string/);
    expect(() => HTML({ max_height: Number.NaN })).toThrow(/max_height must be/);
  });

  it("describes itself for the API and the page, sanitizing by default", () => {
    const app = Blocks(() => {
      HTML("<h2>Title</h2>", { min_height: 40, padding: false });
      HTML({ value: "<p>raw</p>", sanitize_html: false, label: "Raw" });
    });
    const [a, b] = app.config().components.filter((c) => c.type === "html");
    expect(a).toMatchObject({
      props: { value: "<h2>Title</h2>", sanitize_html: true, min_height: 40, max_height: null, padding: false, show_label: false, container: false, name: "html" },
      api_info: { type: "string" },
    });
    expect(b).toMatchObject({ props: { value: "<p>raw</p>", sanitize_html: false, label: "Raw" } });
    const box = HTML();
    expect(typeof box.change).toBe("function");
    expect(typeof box.click).toBe("function");
  });
});
