import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import { HighlightedText } from "./index.js";

describe("HighlightedText", () => {
  it("takes [text, label] pairs with categories, scores and nulls", () => {
    const box = HighlightedText();
    expect(box.postprocess([["Ada", "PER"], [" lives in ", null], ["London", "LOC"], ["!", 0.5]])).toEqual([
      { token: "Ada", class_or_confidence: "PER" },
      { token: " lives in ", class_or_confidence: null },
      { token: "London", class_or_confidence: "LOC" },
      { token: "!", class_or_confidence: 0.5 },
    ]);
    expect(box.postprocess(null)).toBeNull();
    expect(box.postprocess([])).toEqual([]);
  });

  it("takes { text, entities } with entity or entity_group, in any order, filling gaps with plain text", () => {
    const box = HighlightedText();
    const text = "Ada met Alan in Paris";
    expect(box.postprocess({
      text,
      entities: [{ entity: "LOC", start: 16, end: 21 }, { entity_group: "PER", start: 0, end: 3 }, { entity: "PER", start: 8, end: 12 }],
    })).toEqual([
      { token: "Ada", class_or_confidence: "PER" },
      { token: " met ", class_or_confidence: null },
      { token: "Alan", class_or_confidence: "PER" },
      { token: " in ", class_or_confidence: null },
      { token: "Paris", class_or_confidence: "LOC" },
    ]);
    expect(box.postprocess({ text: "plain", entities: [] })).toEqual([{ token: "plain", class_or_confidence: null }]);
  });

  it("combines neighbouring spans with the same label, with the separator", () => {
    const box = HighlightedText({ combine_adjacent: true, adjacent_separator: " " });
    expect(box.postprocess([["New", "LOC"], ["York", "LOC"], ["is", null], ["big", null], ["!", "X"]])).toEqual([
      { token: "New York", class_or_confidence: "LOC" },
      { token: "is big", class_or_confidence: null },
      { token: "!", class_or_confidence: "X" },
    ]);
  });

  it("gives the function [text, label] pairs", () => {
    expect(HighlightedText().preprocess([{ token: "a", class_or_confidence: "X" }, { token: "b", class_or_confidence: null }])).toEqual([["a", "X"], ["b", null]]);
    expect(HighlightedText().preprocess(null)).toEqual([]);
  });

  it("refuses malformed values with clear messages", () => {
    const box = HighlightedText({ label: "NER" });
    expect(() => box.postprocess([["a", "X", 3]] as never)).toThrow(VitrineError);
    expect(() => box.postprocess([["a", "X", 3]] as never)).toThrow(/HighlightedText "NER": item 0 must be a \[text: string, label/);
    expect(() => box.postprocess([[1, "X"]] as never)).toThrow(/item 0/);
    expect(() => box.postprocess([["a", { x: 1 }]] as never)).toThrow(/item 0/);
    expect(() => box.postprocess({ text: "abc", entities: [{ entity: "X", start: 2, end: 9 }] })).toThrow(/entity 0 .* within the text \(length 3\)/);
    expect(() => box.postprocess({ text: "abcdef", entities: [{ entity: "X", start: 0, end: 4 }, { entity: "Y", start: 2, end: 5 }] })).toThrow(/entity 1/);
    expect(() => box.postprocess({ words: [] } as never)).toThrow(/expected \[text, label\] pairs or \{ text/);
    expect(() => box.preprocess([{ token: 3 }] as never)).toThrow(/span 0 must be/);
    expect(() => box.preprocess("x" as never)).toThrow(/expects a list of spans/);
    expect(() => HighlightedText({ color_map: { A: 3 } as never })).toThrow(/color_map/);
  });

  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      HighlightedText({ label: "Entities", value: [["Hi", "GREET"]], color_map: { GREET: "#00ff00" }, show_legend: true });
    });
    const [config] = app.config().components.filter((c) => c.type === "highlightedtext");
    expect(config).toMatchObject({
      type: "highlightedtext",
      props: {
        label: "Entities", value: [{ token: "Hi", class_or_confidence: "GREET" }], color_map: { GREET: "#00ff00" },
        show_legend: true, show_inline_category: true, combine_adjacent: false, rtl: false, adjacent_separator: "", name: "highlightedtext",
      },
      api_info: { type: "array" },
    });
    const box = HighlightedText();
    expect(typeof box.change).toBe("function");
    expect(typeof box.select).toBe("function");
  });
});
