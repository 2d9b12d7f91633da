/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { LabelView } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("LabelView in a DOM", () => {
  it("fires select with the clicked confidence's index and label", () => {
    const events: [string, unknown][] = [];
    const container = document.createElement("div");
    document.body.appendChild(container);
    const root = createRoot(container);
    act(() => root.render(
      <LabelView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} upload={async () => []} fileUrl={(f) => f.path}
        dispatch={(e, d) => void events.push([e, d])}
        props={{ num_top_classes: null, show_heading: true, color: null }}
        value={{ label: "cat", confidences: [{ label: "cat", confidence: 0.7 }, { label: "dog", confidence: 0.3 }] }} />,
    ));
    const rows = container.querySelectorAll<HTMLButtonElement>(".vt-label-row");
    expect(rows).toHaveLength(2);
    act(() => rows[1]!.click());
    expect(events).toEqual([["select", { index: 1, value: "dog", selected: true }]]);
    act(() => root.unmount());
  });
});
