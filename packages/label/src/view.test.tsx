import { describe, expect, it } from "@jest/globals";
import { renderToStaticMarkup } from "react-dom/server";
import type { ViewProps } from "@vitrine/core";
import { LabelView, type LabelViewProps } from "./view.js";
import type { LabelData } from "./process.js";

function props(value: LabelData | null, extra: Partial<LabelViewProps & { label: string }> = {}): ViewProps<LabelData | null, LabelViewProps> {
  return {
    id: 1, value, interactive: false, status: { stage: "idle" },
    props: { num_top_classes: null, show_heading: true, color: null, label: "Class", ...extra },
    onChange() {}, dispatch() {}, upload: async () => [], fileUrl: (f) => f.path,
  };
}

describe("LabelView", () => {
  it("shows the top label as a heading and each confidence as a bar with its percentage", () => {
    const html = renderToStaticMarkup(<LabelView {...props({ label: "cat", confidences: [{ label: "cat", confidence: 0.932 }, { label: "dog", confidence: 0.068 }] })} />);
    expect(html).toContain('<h2 class="vt-label-heading" data-color="false">cat</h2>');
    expect(html).toContain("93.2%");
    expect(html).toContain("6.8%");
    expect(html).toContain('style="width:93.2%"');
    expect(html).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i); // colours come from theme variables
  });

  it("paints the heading with color and hides it with show_heading false", () => {
    expect(renderToStaticMarkup(<LabelView {...props({ label: "cat" }, { color: "red" })} />)).toContain("background:red");
    expect(renderToStaticMarkup(<LabelView {...props({ label: "cat" }, { show_heading: false })} />)).not.toContain("<h2");
  });
});
