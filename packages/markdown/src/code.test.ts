import { describe, expect, it } from "@jest/globals";
import { JSDOM } from "jsdom";
import createDOMPurify, { type WindowLike } from "dompurify";
import { Markdown, MarkdownComponent, markdownEvents } from "./index.js";
import { hasHighlightableCode, renderMarkdown, slugify } from "./render.js";
import { highlightCode } from "./highlight.js";

const window = new JSDOM("").window;
const purify = createDOMPurify(window as unknown as WindowLike);

/** Parses rendered HTML into a fragment to query. */
function dom(html: string): DocumentFragment {
  const template = window.document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

const PY = "Some code:\n\n```python\ndef greet(name):\n    return f\"Hello {name}\"  # a comment\n```\n";

describe("code blocks", () => {
  it("finds fenced code with a language, and only that", () => {
    expect(hasHighlightableCode(PY)).toBe(true);
    expect(hasHighlightableCode("~~~js\nlet x = 1;\n~~~")).toBe(true);
    expect(hasHighlightableCode("```\nno language\n```")).toBe(false);
    expect(hasHighlightableCode("# Title\n\nplain `inline code` and ``` in text")).toBe(false);
    expect(hasHighlightableCode("    indented code, no fence")).toBe(false);
  });

  it("shows plain (escaped) code until the highlighter is given, then highlight token spans (sanitized)", () => {
    const plain = dom(renderMarkdown(PY, { purify }));
    const code = plain.querySelector("pre code")!;
    expect(code.className).toBe("language-python");
    expect(code.querySelector("span")).toBeNull();
    expect(code.textContent).toContain('return f"Hello {name}"');

    const html = renderMarkdown(PY, { purify, highlight: highlightCode });
    const lit = dom(html).querySelector("pre code")!;
    expect(lit.className).toBe("language-python hljs");
    expect(lit.querySelector("span.hljs-keyword")?.textContent).toBe("def");
    expect(lit.querySelector("span.hljs-title.function_")?.textContent).toBe("greet");
    expect(lit.querySelector("span.hljs-string")?.textContent).toContain("Hello");
    expect(lit.querySelector("span.hljs-comment")?.textContent).toBe("# a comment");
    // The code reads the same, tokens or not.
    expect(lit.textContent).toBe(code.textContent);
  });

  it("leaves code of an unknown language plain and escapes it", () => {
    const html = renderMarkdown("```nosuchlang\n<script>alert(1)</script>\n```", { purify, highlight: highlightCode });
    const code = dom(html).querySelector("pre code")!;
    expect(code.className).toBe("language-nosuchlang");
    expect(code.textContent).toBe("<script>alert(1)</script>\n");
    expect(html).not.toContain("<script>");
    expect(highlightCode("x", "nosuchlang")).toBeNull();
  });

  it("gives each code block a copy button, unless asked not to", () => {
    const html = renderMarkdown("```py\na = 1\n```\n\ntext\n\n```\nb\n```", { purify });
    const buttons = dom(html).querySelectorAll(".vt-code-block > button.vt-copy-code");
    expect(buttons).toHaveLength(2);
    expect(buttons[0]!.getAttribute("aria-label")).toBe("Copy code");
    expect(renderMarkdown("```\nb\n```", { purify, codeCopyButtons: false })).not.toContain("<button");
  });

  it("still strips scripts and handlers with highlighting and header links on", () => {
    const html = renderMarkdown(
      '# Hi <img src=x onerror="alert(1)">\n\n<script>alert(2)</script>\n\n```html\n<b onclick="x()">b</b>\n```\n\n[x](javascript:alert(3))',
      { purify, highlight: highlightCode, headerLinks: true },
    );
    const frag = dom(html);
    expect(frag.querySelector("script")).toBeNull();
    expect(frag.querySelector("[onerror], [onclick]")).toBeNull();
    expect(html).not.toMatch(/javascript:/);
    // The HTML inside the code block stays as text, highlighted.
    expect(frag.querySelector("pre code")!.textContent).toContain('<b onclick="x()">b</b>');
    expect(frag.querySelector("pre code span.hljs-tag")).not.toBeNull();
  });
});

describe("header links", () => {
  it("makes GitHub-like slugs, unique within one text", () => {
    const seen = new Map<string, number>();
    expect(slugify("Hello, World!", seen)).toBe("hello-world");
    expect(slugify("Hello World", seen)).toBe("hello-world-1");
    expect(slugify("hello world", seen)).toBe("hello-world-2");
    expect(slugify("Ünïcode Título 2", seen)).toBe("ünïcode-título-2");
    expect(slugify("!!!", seen)).toBe("section");
    expect(slugify("Hello World 1", new Map([["hello-world-1", 0]]))).toBe("hello-world-1-1");
  });

  it("gives headings unique ids and a link to themselves only with headerLinks", () => {
    const text = "# Intro\n\n## Usage\n\ntext\n\n## Usage\n\n### `code` and *emphasis*";
    const frag = dom(renderMarkdown(text, { purify, headerLinks: true }));
    const ids = [...frag.querySelectorAll("h1, h2, h3")].map((h) => h.id);
    expect(ids).toEqual(["intro", "usage", "usage-1", "code-and-emphasis"]);
    expect(new Set(ids).size).toBe(ids.length);
    const link = frag.querySelector("#usage-1 a.vt-header-link")!;
    expect(link.getAttribute("href")).toBe("#usage-1");
    expect(link.getAttribute("target")).toBeNull();
    expect(link.getAttribute("aria-label")).toBe("Link to this section: Usage");
    // Slugs start afresh for each text.
    expect(dom(renderMarkdown("## Usage", { purify, headerLinks: true })).querySelector("h2")!.id).toBe("usage");

    const off = dom(renderMarkdown(text, { purify }));
    expect(off.querySelector("[id]")).toBeNull();
    expect(off.querySelector("a")).toBeNull();
  });
});

describe("Markdown's new props", () => {
  it("sends header_links, show_copy_button and heights in its config", () => {
    expect(Markdown("x").configProps()).toMatchObject({ header_links: false, show_copy_button: false, height: null, max_height: null, min_height: null });
    expect(Markdown("x", { header_links: true, show_copy_button: true, height: 200, max_height: "50vh", min_height: 10 }).configProps()).toMatchObject({
      header_links: true,
      show_copy_button: true,
      height: 200,
      max_height: "50vh",
      min_height: 10,
    });
  });

  it("refuses heights that are not lengths", () => {
    expect(() => Markdown("x", { height: -1 })).toThrow(/height must be a non-negative number/);
    expect(() => Markdown("x", { max_height: "" })).toThrow(/max_height/);
    expect(() => Markdown("x", { min_height: Number.NaN })).toThrow(/min_height/);
  });

  it("declares change and copy, as Gradio", () => {
    expect([...markdownEvents]).toEqual(["change", "copy"]);
    expect(MarkdownComponent.events).toEqual(markdownEvents);
  });
});
