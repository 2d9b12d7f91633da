import { describe, expect, it } from "@jest/globals";
import { keepTags } from "./tags.js";

describe("keepTags (allow_tags)", () => {
  it("escapes every non-standard tag with true, leaving HTML tags to the sanitizer", () => {
    expect(keepTags("<thinking>hmm</thinking> <b>4</b>", true)).toBe("&lt;thinking&gt;hmm&lt;/thinking&gt; <b>4</b>");
    expect(keepTags('<tool_call name="x"/> <svg><path d=""/></svg>', true)).toBe('&lt;tool_call name="x"/&gt; <svg><path d=""/></svg>');
  });

  it("escapes only the listed tags with a list, and nothing with false", () => {
    expect(keepTags("<thinking>a</thinking><answer>b</answer>", ["thinking"])).toBe("&lt;thinking&gt;a&lt;/thinking&gt;<answer>b</answer>");
    expect(keepTags("<thinking>a</thinking>", false)).toBe("<thinking>a</thinking>");
    expect(keepTags("<thinking>a</thinking>", [])).toBe("<thinking>a</thinking>");
  });

  it("leaves code alone: fences and inline code show tags as text already", () => {
    const text = "Use `<thinking>` like this:\n\n```xml\n<thinking>plan</thinking>\n```\n\n<thinking>real</thinking>";
    expect(keepTags(text, true)).toBe("Use `<thinking>` like this:\n\n```xml\n<thinking>plan</thinking>\n```\n\n&lt;thinking&gt;real&lt;/thinking&gt;");
  });
});
