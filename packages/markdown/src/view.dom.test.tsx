/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { MarkdownView, highlighterModule, type MarkdownViewProps } from "./view.js";

// The page loads the highlighter by URL (its own bundle, see scripts/build-highlight.mjs); here, from the source.
let highlighterLoads = 0;
highlighterModule.load = () => {
  highlighterLoads++;
  return import("./highlight.js");
};

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BASE: MarkdownViewProps = { sanitize_html: true, line_breaks: false, rtl: false };

/** Renders the view into the document; returns its container, the events it fired and an unmount. */
function mount(value: string, props: Partial<MarkdownViewProps> = {}) {
  const events: [string, unknown][] = [];
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  const show = (text: string) =>
    act(() =>
      root.render(
        <MarkdownView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} upload={async () => []} fileUrl={(f) => f.path}
          dispatch={(e, d) => void events.push([e, d])} props={{ ...BASE, ...props }} value={text} />,
      ),
    );
  show(value);
  return { container, events, update: show, unmount: () => act(() => root.unmount()) };
}

/** Waits (acting) until the check holds. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

describe("MarkdownView in a DOM", () => {
  it("loads the highlighter for a fenced block and colours its tokens", async () => {
    const { container, unmount } = mount("# Code\n\n```python\nimport os\nprint('hi')\n```");
    const md = container.querySelector(".vt-markdown")!;
    await until(() => md.getAttribute("data-highlight") === "ready");
    expect(md.querySelector("pre code.hljs span.hljs-keyword")?.textContent).toBe("import");
    expect(md.querySelector("pre code span.hljs-string")?.textContent).toBe("'hi'");
    expect(highlighterLoads).toBe(1);
    unmount();
  });

  it("uses KaTeX and the highlighter already loaded in a Markdown mounted later", async () => {
    const first = mount("$$x^2$$\n\n```python\npass\n```");
    const md = first.container.querySelector(".vt-markdown")!;
    await until(() => md.getAttribute("data-math") === "ready" && md.getAttribute("data-highlight") === "ready");
    first.unmount();
    // Rendered at once, with no loading step: the loaded functions are kept, not called.
    const second = mount("$$y^2$$\n\n```python\nimport os\n```");
    const again = second.container.querySelector(".vt-markdown")!;
    expect(again.getAttribute("data-math")).toBe("ready");
    expect(again.getAttribute("data-highlight")).toBe("ready");
    expect(again.querySelectorAll(".katex")).toHaveLength(1);
    expect(again.querySelector("span.hljs-keyword")?.textContent).toBe("import");
    second.unmount();
  });

  it("marks no highlighting for text without a fenced block", () => {
    const loads = highlighterLoads;
    const { container, unmount } = mount("Just **text** and `inline`.");
    expect(highlighterLoads).toBe(loads);
    expect(container.querySelector(".vt-markdown")!.hasAttribute("data-highlight")).toBe(false);
    unmount();
  });

  it("copies a code block's code and the whole source, firing copy", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    const source = "Intro\n\n```\nline 1\nline 2\n```";
    const { container, events, unmount } = mount(source, { show_copy_button: true });
    const codeCopy = container.querySelector<HTMLButtonElement>("button.vt-copy-code")!;
    expect(codeCopy.getAttribute("aria-label")).toBe("Copy code");
    await act(async () => codeCopy.click());
    const all = container.querySelector<HTMLButtonElement>('button[aria-label="Copy Markdown"]')!;
    await act(async () => all.click());
    expect(events).toEqual([
      ["copy", { value: "line 1\nline 2" }],
      ["copy", { value: source }],
    ]);
    expect(written).toEqual(["line 1\nline 2", source]);
    expect(codeCopy.textContent).toBe("Copied");
    unmount();
  });

  it("has no copy-all button unless show_copy_button", () => {
    const { container, unmount } = mount("text");
    expect(container.querySelector('button[aria-label="Copy Markdown"]')).toBeNull();
    unmount();
  });

  it("copies the whole source with buttons: [\"copy\"] (Gradio 6's spelling)", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    const { container, events, unmount } = mount("# Title\n\nBody", { buttons: ["copy"] });
    const all = container.querySelector<HTMLButtonElement>('button[aria-label="Copy Markdown"]')!;
    await act(async () => all.click());
    expect(events).toEqual([["copy", { value: "# Title\n\nBody" }]]);
    expect(written).toEqual(["# Title\n\nBody"]);
    unmount();
    const none = mount("text", { buttons: [] });
    expect(none.container.querySelector('button[aria-label="Copy Markdown"]')).toBeNull();
    none.unmount();
  });

  it("pads the text with the theme's block padding only with padding", () => {
    const padded = mount("text", { padding: true });
    expect(padded.container.querySelector(".vt-markdown-padded")).not.toBeNull();
    expect(document.getElementById("vt-markdown-style")!.textContent).toContain(".vt-markdown-padded { padding: var(--block-padding");
    padded.unmount();
    const plain = mount("text");
    expect(plain.container.querySelector(".vt-markdown-padded")).toBeNull();
    plain.unmount();
  });

  it("gives headings ids and self links with header_links", () => {
    const { container, unmount } = mount("# One\n\n## One", { header_links: true });
    const links = [...container.querySelectorAll<HTMLAnchorElement>("a.vt-header-link")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["#one", "#one-1"]);
    unmount();
  });

  it("sizes the box from height, max_height and min_height, scrolling when set", () => {
    const { container, unmount } = mount("text", { height: 120, max_height: "50vh", min_height: 40 });
    const box = container.querySelector<HTMLElement>(".vt-markdown-scroll")!;
    expect(box.style.height).toBe("120px");
    expect(box.style.maxHeight).toBe("50vh");
    expect(box.style.minHeight).toBe("40px");
    unmount();
    const plain = mount("text");
    expect(plain.container.querySelector(".vt-markdown-scroll")).toBeNull();
    plain.unmount();
  });

  it("keeps the nodes of the blocks a growing text has finished, and shows the text whole", () => {
    const reply = "Here is **the plan**:\n\n1. read the file\n2. count the words\n\nAnd [a link](https://example.com) to finish.";
    const { container, update, unmount } = mount("");
    const md = container.querySelector(".vt-markdown")!;
    let firstParagraph: Element | null = null;
    for (let end = 1; end <= reply.length; end++) {
      update(reply.slice(0, end));
      if (end === 30) firstParagraph = md.querySelector("p");
    }
    // The first paragraph was finished at 30 characters: the same node all along since.
    expect(firstParagraph?.textContent).toBe("Here is the plan:");
    expect(md.querySelector("p")).toBe(firstParagraph);
    expect(md.querySelectorAll("li")).toHaveLength(2);
    expect(md.querySelector("a")?.getAttribute("target")).toBe("_blank");
    expect(md.textContent).toBe("Here is the plan:\n\nread the file\ncount the words\n\nAnd a link to finish.\n");
    // A text replaced by another (not grown) shows only the new one.
    update("# New");
    expect(md.innerHTML).toBe("<h1>New</h1>\n");
    unmount();
  });

  it("keeps its stylesheet on theme variables (no literal colours)", () => {
    const { container, unmount } = mount("text");
    const css = document.getElementById("vt-markdown-style")!.textContent!;
    expect(css).toContain("var(--color-accent)");
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
    unmount();
  });
});
