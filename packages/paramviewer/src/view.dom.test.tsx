/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { ParamViewerView, type ParamViewerViewProps } from "./view.js";
import { ParamViewerExample } from "./example.js";
import type { ParamViewerValue } from "./value.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const value: ParamViewerValue = {
  image: { type: "Image | None", description: "The **picture**. See [the docs](https://example.com/docs).", default: "None" },
  steps: { type: "int", description: "How many steps <img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>", default: "20" },
  seed: { type: null, description: "", default: null },
};

const baseProps: ParamViewerViewProps = { language: "python", linkify: [], header: "Parameters", anchor_links: false, max_height: null };
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  window.location.hash = "";
});

function mount(props: Partial<ParamViewerViewProps>, v: ParamViewerValue | null = value) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  const render = (next: ParamViewerValue | null) =>
    act(() =>
      root.render(
        <ParamViewerView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} dispatch={() => {}}
          upload={async () => []} fileUrl={(f) => f.path} props={{ ...baseProps, ...props }} value={next} />,
      ),
    );
  render(v);
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  return { container, render };
}

/** Toggles a <details> as a click on its summary does in a browser (jsdom does not), firing `toggle`. */
function toggle(details: HTMLDetailsElement) {
  act(() => {
    details.open = !details.open;
    details.dispatchEvent(new Event("toggle"));
  });
}

describe("ParamViewerView in a DOM", () => {
  it("lists each parameter with its name and type, closed; opened, its default and description", () => {
    const { container } = mount({});
    const region = container.querySelector('[role="region"]')!;
    expect(region.getAttribute("aria-label")).toBe("Parameters");
    const rows = [...container.querySelectorAll<HTMLDetailsElement>("details.vt-param")];
    expect(rows.map((d) => d.querySelector("summary")!.textContent)).toEqual(["image: Image | None", "steps: int", "seed"]);
    expect(rows.every((d) => !d.open)).toBe(true);
    toggle(rows[0]!);
    expect(rows[0]!.open).toBe(true);
    expect(rows[0]!.querySelector(".vt-param-default")!.textContent).toBe("default= None");
    const description = rows[0]!.querySelector(".vt-param-description")!;
    expect(description.querySelector("strong")!.textContent).toBe("picture");
    const link = description.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://example.com/docs");
    expect(link.getAttribute("target")).toBe("_blank");
    // No default and no description: nothing under the summary.
    expect(rows[2]!.querySelector(".vt-param-default, .vt-param-description")).toBeNull();
  });

  it("sanitizes descriptions: no script, no event handlers", () => {
    const { container } = mount({});
    const description = container.querySelectorAll(".vt-param-description")[1]!;
    expect(description.textContent).toContain("How many steps");
    expect(description.querySelector("script")).toBeNull();
    expect(description.querySelector("img")!.getAttribute("onerror")).toBeNull();
  });

  it("links within the page stay in the tab; javascript: links lose their href", () => {
    const { container, render } = mount({});
    render({ a: { type: null, description: "See [b](#param-b) or [this](javascript:alert(1)).", default: null } });
    const links = container.querySelectorAll(".vt-param-description a");
    expect(links[0]!.getAttribute("href")).toBe("#param-b");
    expect(links[0]!.hasAttribute("target")).toBe(false);
    expect(links[1]!.getAttribute("href")).toBeNull();
  });

  it("the header's button opens and closes every parameter", () => {
    const { container } = mount({});
    const button = container.querySelector<HTMLButtonElement>(".vt-paramviewer-toggle")!;
    expect(button.getAttribute("aria-label")).toBe("Open All");
    act(() => button.click());
    const rows = [...container.querySelectorAll<HTMLDetailsElement>("details.vt-param")];
    expect(rows.map((d) => d.open)).toEqual([true, true, true]);
    expect(button.getAttribute("aria-label")).toBe("Close All");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    act(() => button.click());
    expect(rows.map((d) => d.open)).toEqual([false, false, false]);
    // Opening the last one by hand does not make all open.
    toggle(rows[1]!);
    expect(button.getAttribute("aria-label")).toBe("Open All");
  });

  it("with header null: no header, and the region takes the label", () => {
    const { container } = mount({ header: null, label: "Options" } as Partial<ParamViewerViewProps>);
    expect(container.querySelector(".vt-paramviewer-header")).toBeNull();
    expect(container.querySelector('[role="region"]')!.getAttribute("aria-label")).toBe("Options");
  });

  it("linkify turns words of types and defaults into links; max_height caps the height", () => {
    const { container } = mount({ linkify: ["Image"], max_height: 200 });
    const link = container.querySelector("summary a")!;
    expect(link.getAttribute("href")).toBe("#h-image");
    expect(link.textContent).toBe("Image");
    expect(container.querySelector<HTMLElement>(".vt-paramviewer")!.style.maxHeight).toBe("200px");
  });

  it("anchor_links: ids with a prefix, a link per parameter, and the page's hash opens its parameter", () => {
    window.location.hash = "#param-sd-steps";
    const { container } = mount({ anchor_links: "sd" });
    const rows = [...container.querySelectorAll<HTMLDetailsElement>("details.vt-param")];
    expect(rows.map((d) => d.id)).toEqual(["param-sd-image", "param-sd-steps", "param-sd-seed"]);
    expect(rows[0]!.querySelector<HTMLAnchorElement>("a.vt-param-link")!.getAttribute("href")).toBe("#param-sd-image");
    expect(rows.map((d) => d.open)).toEqual([false, true, false]);
    act(() => {
      window.location.hash = "#param-sd-seed";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(rows[2]!.open).toBe(true);
  });

  it("a new value replaces the list; null shows none", () => {
    const { container, render } = mount({});
    render({ only: { type: "str", description: "", default: null } });
    expect([...container.querySelectorAll("summary")].map((s) => s.textContent)).toEqual(["only: str"]);
    render(null);
    expect(container.querySelectorAll("details")).toHaveLength(0);
  });

  it("the example view shows a signature", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<ParamViewerExample value={value} props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe("image: Image | None, steps: int, seed");
    act(() => root.unmount());
  });
});
