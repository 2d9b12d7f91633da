import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import { JSON as JsonBox, Json } from "./index.js";

describe("JSON", () => {
  it("parses a returned string and passes any other JSON value through", () => {
    const box = JsonBox();
    expect(box.postprocess('{"a": [1, 2, {"b": null}]}')).toEqual({ a: [1, 2, { b: null }] });
    expect(box.postprocess('"text"')).toBe("text");
    expect(box.postprocess({ n: 1.5, ok: true, list: ["x"] })).toEqual({ n: 1.5, ok: true, list: ["x"] });
    expect(box.postprocess([1, "two", false])).toEqual([1, "two", false]);
    expect(box.postprocess(42)).toBe(42);
    expect(box.postprocess(null)).toBeNull();
    expect(box.postprocess(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02T00:00:00.000Z");
    expect(box.preprocess({ k: [1, 2] })).toEqual({ k: [1, 2] });
    expect(Json).toBe(JsonBox);
  });

  it("refuses a string that is not JSON and values with no JSON form", () => {
    const box = JsonBox({ label: "Out" });
    expect(() => box.postprocess("{oops")).toThrow(VitrineError);
    expect(() => box.postprocess("{oops")).toThrow(/JSON "Out": the string returned is not valid JSON/);
    expect(() => box.postprocess({ f: () => 1 })).toThrow(/has no JSON form/);
    expect(() => box.postprocess({ n: Number.NaN })).toThrow(/NaN has no JSON form/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => box.postprocess(cyclic)).toThrow(/not JSON data/);
    expect(() => box.postprocess(10n)).toThrow(/not JSON data/);
    expect(() => JsonBox({ height: -3 })).toThrow(/height must be/);
  });

  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      JsonBox({ label: "Data", value: '{"x": 1}', open: true, show_indices: true, height: 300 });
    });
    const [config] = app.config().components.filter((c) => c.type === "json");
    expect(config).toMatchObject({
      type: "json",
      props: { label: "Data", value: { x: 1 }, open: true, show_indices: true, height: 300, max_height: 500, name: "json" },
      api_info: {},
    });
    expect(typeof JsonBox().change).toBe("function");
  });

  it("takes Gradio 6's buttons (copy by default) and refuses unknown ones", () => {
    expect(JsonBox().configProps()).toMatchObject({ buttons: null, open: false, show_indices: false, height: null, max_height: 500, min_height: null, container: true });
    expect(JsonBox({ buttons: ["copy"] }).configProps().buttons).toEqual(["copy"]);
    expect(JsonBox({ buttons: [] }).configProps().buttons).toEqual([]);
    expect(() => JsonBox({ buttons: ["fullscreen" as "copy"] })).toThrow(/the only button is "copy"/);
    expect(() => JsonBox({ buttons: "copy" as unknown as ["copy"] })).toThrow(/buttons must be a list/);
  });

  it("takes a JSON string as its initial value and round trips nested data", () => {
    const box = JsonBox({ value: '[{"k": "v"}, 2]' });
    expect(box.configProps().value).toEqual([{ k: "v" }, 2]);
    const data = { list: [1, { deep: { deeper: [true, null] } }], text: "é ✓" };
    expect(box.preprocess(box.postprocess(data))).toEqual(data);
  });
});
