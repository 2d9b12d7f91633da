/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { HighlightedTextView } from "./view.js";
import { HighlightedTextExample } from "./example.js";
import type { HighlightedToken } from "./spans.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tokens: HighlightedToken[] = [
  { token: "Ada", class_or_confidence: "PER" },
  { token: " in ", class_or_confidence: null },
  { token: "Paris", class_or_confidence: "LOC" },
  { token: "!", class_or_confidence: -0.5 },
];

function render(props: Record<string, unknown>, opts: { interactive?: boolean; onChange?: (v: unknown) => void; dispatch?: (e: string, d?: unknown) => void } = {}) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(
    <HighlightedTextView id={1} interactive={opts.interactive ?? false} status={{ stage: "idle" }} onChange={opts.onChange ?? (() => {})}
      dispatch={opts.dispatch ?? (() => {})} upload={async () => []} fileUrl={(f) => f.path}
      props={{ color_map: { PER: "#123456" }, show_legend: true, show_inline_category: true, ...props } as never} value={tokens} />,
  ));
  return { container, root };
}

describe("HighlightedTextView in a DOM", () => {
  it("shows the legend, the spans with their categories and colours, and fires select with the span index", () => {
    const events: [string, unknown][] = [];
    const { container, root } = render({}, { dispatch: (e, d) => void events.push([e, d]) });
    const legend = container.querySelector("[aria-label=Legend]")!;
    expect([...legend.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["PER", "LOC"]);
    expect(legend.querySelector("li")!.getAttribute("style")).toContain("#123456");
    const spans = container.querySelectorAll<HTMLButtonElement>(".vt-hl-span");
    expect([...spans].map((s) => s.textContent)).toEqual(["AdaPER", " in ", "ParisLOC", "!"]);
    expect(spans[3]!.getAttribute("style")).toContain("color-mix(in srgb, var(--error-text-color) 50.0%, transparent)");
    expect(container.querySelector(".vt-hl-scale")).not.toBeNull();
    act(() => spans[2]!.click());
    expect(events).toEqual([["select", { index: 2, value: ["Paris", "LOC"], selected: true }]]);
    act(() => root.unmount());
  });

  it("hides the legend and the inline categories when asked", () => {
    const { container, root } = render({ show_legend: false, show_inline_category: false, rtl: true });
    expect(container.querySelector(".vt-hl-text")!.getAttribute("dir")).toBe("rtl");
    expect(container.querySelector("[aria-label=Legend]")).toBeNull();
    expect(container.querySelector(".vt-hl-category")).toBeNull();
    act(() => root.unmount());
  });

  it("edits a span's label and removes a span when interactive", () => {
    const changes: unknown[] = [];
    const { container, root } = render({}, { interactive: true, onChange: (v) => void changes.push(v) });
    const label = container.querySelector<HTMLInputElement>('input[aria-label="Span 2 label"]')!;
    act(() => {
      label.value = "0.75";
      label.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    });
    expect(changes.at(-1)).toEqual([tokens[0], { token: " in ", class_or_confidence: 0.75 }, tokens[2], tokens[3]]);
    act(() => container.querySelector<HTMLButtonElement>('button[aria-label="Remove span 1"]')!.click());
    expect(changes.at(-1)).toEqual(tokens.slice(1));
    act(() => root.unmount());
  });

  it("previews the text", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<HighlightedTextExample value={tokens} props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe("Ada in Paris!");
    act(() => root.unmount());
  });
});
