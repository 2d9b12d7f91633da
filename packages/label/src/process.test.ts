import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Label } from "./index.js";

describe("Label", () => {
  it("turns confidences into LabelData, best first", () => {
    expect(Label().postprocess({ dog: 0.2, cat: 0.7, bird: 0.1 })).toEqual({
      label: "cat",
      confidences: [
        { label: "cat", confidence: 0.7 },
        { label: "dog", confidence: 0.2 },
        { label: "bird", confidence: 0.1 },
      ],
    });
  });

  it("keeps the top num_top_classes", () => {
    const out = Label({ num_top_classes: 2 }).postprocess({ a: 0.1, b: 0.5, c: 0.3, d: 0.1 });
    expect(out).toEqual({ label: "b", confidences: [{ label: "b", confidence: 0.5 }, { label: "c", confidence: 0.3 }] });
  });

  it("takes a string or a number as the label alone", () => {
    expect(Label().postprocess("cat")).toEqual({ label: "cat" });
    expect(Label().postprocess(3.25)).toEqual({ label: "3.25" });
    expect(Label().postprocess(null)).toBeNull();
    expect(Label().postprocess({})).toBeNull();
  });

  it("sorts and trims LabelData given as such, and tells a class named label from LabelData", () => {
    const data = { label: "x", confidences: [{ label: "x", confidence: 0.2 }, { label: "y", confidence: 0.8 }] };
    expect(Label({ num_top_classes: 1 }).postprocess(data)).toEqual({ label: "y", confidences: [{ label: "y", confidence: 0.8 }] });
    expect(Label().postprocess({ label: "solo" })).toEqual({ label: "solo" });
    expect(Label().postprocess({ label: 0.6, other: 0.4 })).toEqual({
      label: "label",
      confidences: [{ label: "label", confidence: 0.6 }, { label: "other", confidence: 0.4 }],
    });
  });

  it("preprocesses the reverse", () => {
    const label = Label();
    const wire = label.postprocess({ cat: 0.7, dog: 0.3 });
    expect(label.preprocess(wire)).toEqual({ cat: 0.7, dog: 0.3 });
    expect(label.preprocess({ label: "cat" })).toBe("cat");
    expect(label.preprocess({ label: 5, confidences: null })).toBe("5");
    expect(label.preprocess(null)).toBeNull();
  });

  it("rejects bad values with clear errors", () => {
    expect(() => Label().postprocess({ cat: "high" } as never)).toThrow(/confidence of "cat" must be a number/);
    expect(() => Label().postprocess([1, 2] as never)).toThrow(/return a string, a number/);
    expect(() => Label({ num_top_classes: 0 })).toThrow(/positive integer/);
  });

  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      Label({ label: "Class", num_top_classes: 3, color: "#ff0000", value: { a: 0.4, b: 0.6 } });
    });
    const [config] = app.config().components.filter((c) => c.type === "label");
    expect(config).toMatchObject({
      type: "label",
      props: {
        label: "Class", num_top_classes: 3, show_heading: true, color: "#ff0000", name: "label",
        value: { label: "b", confidences: [{ label: "b", confidence: 0.6 }, { label: "a", confidence: 0.4 }] },
      },
      api_info: { title: "LabelData", type: "object" },
    });
  });

  it("declares its events as listener methods", () => {
    const label = Label();
    for (const event of ["change", "select"] as const) expect(typeof label[event]).toBe("function");
  });
});
