/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { HtmlView } from "./view.js";
import { HtmlExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(value: string, props: Record<string, unknown>, dispatch: (e: string, d?: unknown) => void = () => {}) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(
    <HtmlView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} dispatch={dispatch} upload={async () => []} fileUrl={(f) => f.path}
      props={{ sanitize_html: true, min_height: null, max_height: null, padding: true, ...props } as never} value={value} />,
  ));
  return { container, root };
}

describe("HtmlView in a DOM", () => {
  it("removes scripts, event handlers and javascript: URLs, keeping the safe markup", () => {
    const { container, root } = render(
      '<h2 class="t">Safe</h2><img src="x" onerror="window.bad=1"><script>window.bad=2</script><a href="javascript:alert(1)">link</a>', {});
    const region = container.querySelector(".vt-html")!;
    expect(region.querySelector("h2")!.textContent).toBe("Safe");
    expect(region.querySelector("script")).toBeNull();
    expect(region.querySelector("img")!.hasAttribute("onerror")).toBe(false);
    expect(region.querySelector("a")!.getAttribute("href")).toBeNull();
    act(() => root.unmount());
  });

  it("keeps the HTML as it is with sanitize_html false, and fires click", () => {
    const events: string[] = [];
    const { container, root } = render('<button onclick="void 0">b</button>', { sanitize_html: false, max_height: 100 }, (e) => void events.push(e));
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    expect(region.querySelector("button")!.getAttribute("onclick")).toBe("void 0");
    expect(region.style.maxHeight).toBe("100px");
    act(() => region.click());
    expect(events).toEqual(["click"]);
    act(() => root.unmount());
  });

  it("previews the text of a value", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<HtmlExample value="<b>Bold</b> move<script>x()</script>" props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe("Bold move");
    act(() => root.unmount());
  });
});
