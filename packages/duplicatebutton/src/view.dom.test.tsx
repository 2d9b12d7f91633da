/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { DuplicateButtonView } from "./view.js";
import { DuplicateButtonExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount(element: React.ReactElement) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { container, unmount: () => act(() => root.unmount()) };
}

const common = { id: 1, status: { stage: "idle" as const }, onChange: () => {}, upload: async () => [], fileUrl: (f: { path: string }) => f.path };

describe("DuplicateButtonView in a DOM", () => {
  it("on a Space: a link to the duplication page, in a new tab, that fires click", () => {
    const events: string[] = [];
    const href = "https://huggingface.co/spaces/ada/engine?duplicate=true";
    const { container, unmount } = mount(
      <DuplicateButtonView {...common} interactive value="Duplicate Space" dispatch={(e) => void events.push(e)}
        props={{ variant: "huggingface", size: "sm", icon: null, link: href }} />,
    );
    const link = container.querySelector("a")!;
    expect(link.getAttribute("href")).toBe(href);
    expect(link.target).toBe("_blank");
    expect(link.rel).toBe("noopener noreferrer");
    expect(link.className).toBe("vt-button vt-button-huggingface vt-button-sm");
    expect(link.textContent).toBe("Duplicate Space");
    // The huggingface colours come with the view (one stylesheet in the page's head), from the theme's palette.
    expect(document.getElementById("vt-duplicatebutton-style")!.textContent).toContain(".vt-button-huggingface");
    link.addEventListener("click", (e) => e.preventDefault());
    act(() => link.click());
    expect(events).toEqual(["click"]);
    unmount();
  });

  it("elsewhere: a plain button that fires click; other variants bring no style", () => {
    document.head.innerHTML = "";
    const events: string[] = [];
    const { container, unmount } = mount(
      <DuplicateButtonView {...common} interactive value="Duplicate Space" dispatch={(e) => void events.push(e)}
        props={{ variant: "primary", size: "lg", icon: null, link: null }} />,
    );
    expect(container.querySelector("a")).toBeNull();
    expect(document.getElementById("vt-duplicatebutton-style")).toBeNull();
    const button = container.querySelector("button")!;
    expect(button.className).toBe("vt-button vt-button-primary vt-button-lg");
    act(() => button.click());
    expect(events).toEqual(["click"]);
    unmount();
  });

  it("the example view shows the text", () => {
    const { container, unmount } = mount(<DuplicateButtonExample value="Duplicate Space" props={{}} fileUrl={(f) => f.path} />);
    expect(container.textContent).toBe("Duplicate Space");
    unmount();
  });
});
