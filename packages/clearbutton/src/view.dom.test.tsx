/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { ClearButtonView } from "./view.js";
import { ClearButtonExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount(element: React.ReactElement) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { container, unmount: () => act(() => root.unmount()) };
}

const common = { id: 1, status: { stage: "idle" as const }, onChange: () => {}, upload: async () => [], fileUrl: (f: { path: string }) => f.path };

describe("ClearButtonView in a DOM", () => {
  it("shows its text with the Button's classes and fires click", () => {
    const events: [string, unknown][] = [];
    const { container, unmount } = mount(
      <ClearButtonView {...common} interactive value="Clear" dispatch={(e, d) => void events.push([e, d])}
        props={{ variant: "stop", size: "sm", icon: null, link: null }} />,
    );
    const button = container.querySelector("button")!;
    expect(button.textContent).toBe("Clear");
    expect(button.className).toBe("vt-button vt-button-stop vt-button-sm");
    act(() => button.click());
    expect(events).toEqual([["click", undefined]]);
    unmount();
  });

  it("is disabled when not interactive", () => {
    const events: string[] = [];
    const { container, unmount } = mount(
      <ClearButtonView {...common} interactive={false} value="Clear" dispatch={(e) => void events.push(e)}
        props={{ variant: "secondary", size: "lg", icon: null, link: null }} />,
    );
    const button = container.querySelector("button")!;
    expect(button.disabled).toBe(true);
    act(() => button.click());
    expect(events).toEqual([]);
    unmount();
  });

  it("the example view shows the text", () => {
    const { container, unmount } = mount(<ClearButtonExample value="Reset" props={{}} fileUrl={(f) => f.path} />);
    expect(container.textContent).toBe("Reset");
    unmount();
  });
});
