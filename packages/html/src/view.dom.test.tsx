/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import type { ViewProps } from "@vitrine/core";
import { HtmlView } from "./view.js";
import { HtmlExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(value: unknown, props: Record<string, unknown>, dispatch: (e: string, d?: unknown) => void = () => {}, extra: Partial<ViewProps> = {}) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  const view = (v: unknown, p: Record<string, unknown>) => (
    <HtmlView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} dispatch={dispatch} upload={async () => []} fileUrl={(f) => f.path}
      {...extra} props={{ sanitize_html: true, min_height: null, max_height: null, padding: true, ...p } as never} value={v} />
  );
  act(() => root.render(view(value, props)));
  return { container, root, rerender: (v: unknown, p: Record<string, unknown> = props) => act(() => root.render(view(v, p))) };
}

/** Waits (acting) until the check holds. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
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

  it("fills an html_template with the value and extra props, loading Handlebars for {{…}}", async () => {
    const { container, root, rerender } = render(["apple", "<b>"], {
      html_template: "<h1>${value.length} fruits</h1><ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul><p style=\"font-size: ${size}px\">${label}</p>",
      props: { size: 30 },
      label: "Basket",
    });
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    await until(() => region.querySelector("h1") !== null);
    expect(region.querySelector("h1")!.textContent).toBe("2 fruits");
    expect([...region.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["apple", "<b>"]);
    expect(region.querySelector("p")!.style.fontSize).toBe("30px");
    expect(region.querySelector("p")!.textContent).toBe("Basket");
    // A new value updates the elements in place: the heading stays the same element.
    const h1 = region.querySelector("h1");
    rerender(["apple", "pear", "fig"]);
    expect(region.querySelector("h1")).toBe(h1);
    expect(h1!.textContent).toBe("3 fruits");
    expect(region.querySelectorAll("li")).toHaveLength(3);
    act(() => root.unmount());
  });

  it("sanitizes what a template renders unless sanitize_html is false", () => {
    const template = "<div>${value}</div>";
    const value = '<img src="x" onerror="window.bad=1"><b>ok</b>';
    const safe = render(value, { html_template: template });
    expect(safe.container.querySelector("img")!.hasAttribute("onerror")).toBe(false);
    expect(safe.container.querySelector("b")!.textContent).toBe("ok");
    act(() => safe.root.unmount());
    const raw = render(value, { html_template: template, sanitize_html: false });
    expect(raw.container.querySelector("img")!.getAttribute("onerror")).toBe("window.bad=1");
    act(() => raw.root.unmount());
  });

  it("scopes css_template to the component, filled with its props", () => {
    const { container, root } = render("<p>x</p>", { css_template: "color: ${color}; p { margin: 0; }", props: { color: "red" } });
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    const scope = region.getAttribute("data-vt-html")!;
    expect(scope).toMatch(/^vt-html-/);
    const css = [...container.querySelectorAll("style")].map((s) => s.textContent).join("\n");
    expect(css).toContain(`[data-vt-html="${scope}"] { color: red; p { margin: 0; } }`);
    act(() => root.unmount());
  });

  it("runs js_on_load with element, props, trigger and watch: props.value sets the value, trigger fires events", async () => {
    const events: [string, unknown][] = [];
    const changes: unknown[] = [];
    const js = `
      element.querySelector("button").addEventListener("click", () => {
        props.value = props.value + 1;
        trigger("submit", { clicked: props.value });
      });
      watch("value", () => { element.dataset.watched = String(props.value); });
      element.dataset.greeting = props.greeting;
    `;
    const { container, root, rerender } = render(1, { html_template: "<button>Count ${value}</button>", js_on_load: js, props: { greeting: "hi" } },
      (e, d) => void events.push([e, d]), { onChange: (v) => void changes.push(v) });
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    expect(region.dataset.greeting).toBe("hi");
    const button = region.querySelector("button")!;
    await act(async () => button.click());
    expect(changes).toEqual([2]);
    expect(events).toEqual([["submit", { clicked: 2 }]]);
    expect(button.textContent).toBe("Count 2");
    // Its own change, coming back from the store, is not a change from the server; a server's new value is.
    rerender(2);
    expect(region.dataset.watched).toBeUndefined();
    rerender(10);
    await act(async () => undefined);
    expect(region.dataset.watched).toBe("10");
    expect(region.querySelector("button")).toBe(button);
    expect(button.textContent).toBe("Count 10");
    // No default click once js_on_load is the author's.
    expect(events.map(([e]) => e)).toEqual(["submit"]);
    act(() => root.unmount());
  });

  it("runs no script with js_on_load null, and shows a template error in place", () => {
    const events: string[] = [];
    const { container, root } = render("x", { js_on_load: null, html_template: "${value.nope.deeper}" }, (e) => void events.push(e));
    act(() => container.querySelector<HTMLElement>(".vt-html")!.click());
    expect(events).toEqual([]);
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/Error rendering HTML:.*value\.nope\.deeper/);
    act(() => root.unmount());
  });

  it("applies the theme's text styles unless apply_default_css is false, and pads only with padding", () => {
    const styled = render("<p>x</p>", { padding: false });
    const region = styled.container.querySelector<HTMLElement>(".vt-html")!;
    expect(region.classList.contains("vt-html-default")).toBe(true);
    expect(region.style.padding).toBe("");
    const css = document.getElementById("vt-html-style")!.textContent!;
    expect(css).toContain("var(--body-text-color)");
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
    act(() => styled.root.unmount());
    const bare = render("<p>x</p>", { apply_default_css: false, padding: true, min_height: 50 });
    const plain = bare.container.querySelector<HTMLElement>(".vt-html")!;
    expect(plain.classList.contains("vt-html-default")).toBe(false);
    expect(plain.style.padding).toBe("var(--block-padding, var(--spacing-md))");
    expect(plain.style.minHeight).toBe("50px");
    act(() => bare.root.unmount());
  });

  it("calls server functions and uploads files from js_on_load", async () => {
    const calls: [string, unknown][] = [];
    const js = `
      server.double(21).then((n) => { element.dataset.answer = String(n); });
      upload(new File(["hi"], "a.txt")).then((f) => { element.dataset.url = f.url; element.dataset.path = f.path; });
    `;
    const { container, root } = render("x", { js_on_load: js }, () => {}, {
      callServer: async (fn, data) => {
        calls.push([fn, data]);
        return (data as number[])[0]! * 2;
      },
      upload: async (files) => files.map((f) => ({ path: `/cache/${(f as File).name}`, meta: { _type: "gradio.FileData" } }) as never),
      fileUrl: (f) => `http://h/file=${f.path}`,
    });
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    await until(() => region.dataset.answer !== undefined && region.dataset.url !== undefined);
    expect(calls).toEqual([["double", [21]]]);
    expect(region.dataset.answer).toBe("42");
    expect(region.dataset).toMatchObject({ path: "/cache/a.txt", url: "http://h/file=/cache/a.txt" });
    act(() => root.unmount());
  });

  it("runs html_template expressions, Handlebars and js_on_load as scripts carrying the page's nonce (no eval)", async () => {
    const pageScript = document.createElement("script");
    pageScript.setAttribute("nonce", "page-nonce");
    document.head.append(pageScript);
    const added: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
    observer.observe(document.head, { childList: true });
    const { container, root } = render(["a", "b"], {
      html_template: "<ol data-n='${value.length + 0}'>{{#each value}}<li>{{this}}</li>{{/each}}</ol>",
      js_on_load: "element.dataset.ran = String(props.value.length);",
    });
    const region = container.querySelector<HTMLElement>(".vt-html")!;
    await until(() => region.dataset.ran !== undefined);
    expect(region.innerHTML).toBe('<ol data-n="2"><li>a</li><li>b</li></ol>');
    expect(region.dataset.ran).toBe("2");
    observer.takeRecords().forEach((r) => added.push(...r.addedNodes));
    observer.disconnect();
    const scripts = added.filter((n): n is HTMLScriptElement => n instanceof HTMLScriptElement);
    // The ${…} expression, the Handlebars template's spec and js_on_load: each one script, gone once run.
    expect(scripts.map((s) => [(s as { nonce?: string }).nonce, s.isConnected])).toEqual([
      ["page-nonce", false],
      ["page-nonce", false],
      ["page-nonce", false],
    ]);
    expect(scripts.map((s) => s.textContent).join("\n")).toMatch(/value\.length \+ 0[\s\S]*element\.dataset\.ran/);
    pageScript.remove();
    act(() => root.unmount());
  });

  it("previews a templated value as its JSON", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<HtmlExample value={["a", "b"]} props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe('["a","b"]');
    act(() => root.unmount());
  });
});
