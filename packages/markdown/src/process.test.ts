import { describe, expect, it } from "@jest/globals";
import { JSDOM } from "jsdom";
import createDOMPurify, { type WindowLike } from "dompurify";
import { Blocks } from "@vitrine/core";
import { Markdown, MarkdownComponent, cleandoc, markdownEvents } from "./index.js";
import { hasMath, renderMarkdown } from "./render.js";
import { renderMath } from "./katex.js";

const purify = createDOMPurify(new JSDOM("").window as unknown as WindowLike);

describe("Markdown component", () => {
  it("takes its text as a string or as the value prop", () => {
    expect(Markdown("# Hi")).toBeInstanceOf(MarkdownComponent);
    expect(Markdown("# Hi").configProps()).toMatchObject({
      value: "# Hi",
      sanitize_html: true,
      line_breaks: false,
      rtl: false,
      show_label: false,
      name: "markdown",
    });
    expect(Markdown({ value: "x", line_breaks: true, rtl: true, sanitize_html: false }).configProps()).toMatchObject({
      value: "x",
      line_breaks: true,
      rtl: true,
      sanitize_html: false,
    });
    expect(Markdown("x", { label: "Notes", show_label: true }).configProps()).toMatchObject({ label: "Notes", show_label: true });
    expect(Markdown().configProps().value).toBe("");
  });

  it("dedents its text like inspect.cleandoc", () => {
    const md = Markdown(`
      # Title

        indented code
      text
    `);
    expect(md.configProps().value).toBe("# Title\n\n  indented code\ntext");
    expect(cleandoc("  first\n    second\n    third\n")).toBe("first\nsecond\nthird");
    expect(cleandoc("\n\n\ta\n\tb")).toBe("a\nb");
    expect(cleandoc("")).toBe("");
  });

  it("processes strings both ways and describes itself as a string", () => {
    const md = Markdown();
    expect(md.preprocess("**x**")).toBe("**x**");
    expect(md.preprocess(null)).toBe("");
    expect(() => md.preprocess(1 as unknown as string)).toThrow(TypeError);
    expect(md.postprocess(null)).toBe("");
    expect(md.postprocess("  a\n  b")).toBe("a\nb");
    expect(md.api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
    expect([...markdownEvents]).toEqual(["change", "copy"]);
  });

  it("is an output that its function updates", () => {
    let md!: MarkdownComponent;
    const app = Blocks(() => {
      md = Markdown("Waiting…");
      md.change({ fn: () => undefined, inputs: [md] });
    });
    const config = app.config();
    expect(config.components.find((c) => c.id === md.id)!.props.value).toBe("Waiting…");
    expect(config.dependencies[0]!.targets).toEqual([[md.id, "change"]]);
  });
});

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**bold** and _it_", { purify })).toBe("<p><strong>bold</strong> and <em>it</em></p>\n");
    expect(renderMarkdown("# Title", { purify })).toContain("<h1>Title</h1>");
    expect(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |", { purify })).toContain("<td>1</td>");
  });

  it("strips scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      [
        "Hello <script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        "[click](javascript:alert(3))",
        '<a href="javascript:alert(4)">raw</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg><a xlink:href="javascript:alert(5)"><text>x</text></a></svg>',
      ].join("\n\n"),
      { purify },
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain('<img src="x">');
    expect(html).toContain("Hello");
  });

  it("makes links open in a new tab without an opener", () => {
    const html = renderMarkdown('[docs](https://example.com "Docs") and <a href="https://example.org" target="_self">raw</a> and [here](#top)', {
      purify,
    });
    const links = [...JSDOM.fragment(html).querySelectorAll("a")].map((a) => ({
      href: a.getAttribute("href"),
      title: a.getAttribute("title"),
      target: a.getAttribute("target"),
      rel: a.getAttribute("rel"),
      text: a.textContent,
    }));
    expect(links).toEqual([
      { href: "https://example.com", title: "Docs", target: "_blank", rel: "noopener noreferrer", text: "docs" },
      { href: "https://example.org", title: null, target: "_blank", rel: "noopener noreferrer", text: "raw" },
      { href: "#top", title: null, target: null, rel: null, text: "here" },
    ]);
    // The hook is removed afterwards: sanitizing other HTML is unaffected.
    expect(purify.sanitize('<a href="https://example.net">x</a>')).toBe('<a href="https://example.net">x</a>');
  });

  it("turns single newlines into <br> only with lineBreaks", () => {
    expect(renderMarkdown("a\nb", { purify })).toBe("<p>a\nb</p>\n");
    expect(renderMarkdown("a\nb", { purify, lineBreaks: true })).toBe("<p>a<br>b</p>\n");
  });

  it("leaves HTML alone when sanitizing is off, and refuses to skip it silently otherwise", () => {
    expect(renderMarkdown("<b onclick=\"go()\">x</b>", { purify, sanitize: false })).toContain('onclick="go()"');
    expect(renderMarkdown("[a](https://example.com)", { purify, sanitize: false })).toContain('target="_blank" rel="noopener noreferrer"');
    const nodePurify = createDOMPurify(); // no window: cannot sanitize
    expect(() => renderMarkdown("<b>x</b>", { purify: nodePurify })).toThrow(/DOMPurify/);
  });
});

describe("LaTeX in Markdown", () => {
  const inline = [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false },
  ];

  it("finds formulas between the delimiters, outside code, and leaves prices alone", () => {
    expect(hasMath("Euler: $$e^{i\\pi} + 1 = 0$$")).toBe(true);
    expect(hasMath("Inline $x^2$ only")).toBe(false);
    expect(hasMath("Inline $x^2$ too", inline)).toBe(true);
    expect(hasMath("It costs $5 and $10.", inline)).toBe(false);
    expect(hasMath("Code `$$x$$` and\n\n```\n$$y$$\n```", inline)).toBe(false);
    expect(hasMath("An escaped \\$x$ is text", inline)).toBe(false);
    expect(hasMath("$$x$$", [])).toBe(false);
    expect(hasMath("")).toBe(false);
  });

  it("shows a formula's source until KaTeX is there, then typesets it (sanitized)", () => {
    const pending = renderMarkdown("Area: $\\pi r^2$.", { purify, latexDelimiters: inline });
    expect(pending).toBe('<p>Area: <span class="vt-math vt-math-pending">$\\pi r^2$</span>.</p>\n');
    const html = renderMarkdown("Area: $\\pi r^2$.\n\n$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n\nafter", {
      purify,
      latexDelimiters: inline,
      math: renderMath,
    });
    const doc = JSDOM.fragment(html);
    expect(doc.querySelectorAll(".katex")).toHaveLength(2);
    expect(doc.querySelectorAll(".katex-display")).toHaveLength(1);
    expect(doc.querySelector(".vt-math-display")?.getAttribute("style")).toContain("overflow-x:auto");
    expect(doc.querySelectorAll("math")).toHaveLength(2);
    expect(html).not.toContain("<annotation");
    expect(html).not.toContain("vt-math-pending");
    expect(doc.querySelector("p")!.textContent).toContain("Area:");
    expect(doc.lastElementChild?.textContent).toBe("after");
  });

  it("keeps Markdown out of formulas, and formulas out of code", () => {
    const html = renderMarkdown("$a_1 * b_2 * c$ and `$x$`", { purify, latexDelimiters: inline, math: (tex) => `<i>${tex}</i>` });
    expect(html).toBe("<p><i>a_1 * b_2 * c</i> and <code>$x$</code></p>\n");
  });

  it("refuses TeX commands that reach outside the formula, and shows TeX errors in place", () => {
    const html = renderMarkdown("$$\\href{javascript:alert(1)}{x} \\htmlClass{evil}{y}$$", { purify, math: renderMath });
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain('class="evil"');
    expect(renderMarkdown("$$\\frac{1}{$$", { purify, math: renderMath })).toContain("katex-error");
  });

  it("takes latex_delimiters as a prop, Gradio's default otherwise", () => {
    expect(Markdown("x").configProps().latex_delimiters).toEqual([{ left: "$$", right: "$$", display: true }]);
    expect(Markdown("x", { latex_delimiters: inline }).configProps().latex_delimiters).toEqual(inline);
    expect(Markdown("x", { latex_delimiters: [] }).configProps().latex_delimiters).toEqual([]);
    expect(() => Markdown("x", { latex_delimiters: [{ left: "", right: "$", display: false }] })).toThrow(/latex_delimiters/);
  });
});

describe("Markdown's Gradio 6 parameters", () => {
  it("takes buttons, keeps show_copy_button as its older spelling, and refuses unknown buttons", () => {
    expect(Markdown("x").configProps()).toMatchObject({ buttons: [], show_copy_button: false });
    expect(Markdown("x", { buttons: ["copy"] }).configProps()).toMatchObject({ buttons: ["copy"], show_copy_button: true });
    expect(Markdown("x", { show_copy_button: true }).configProps()).toMatchObject({ buttons: ["copy"], show_copy_button: true });
    expect(Markdown("x", { show_copy_button: true, buttons: ["copy"] }).configProps().buttons).toEqual(["copy"]);
    expect(() => Markdown("x", { buttons: ["download" as "copy"] })).toThrow(/the only button is "copy"/);
    expect(() => Markdown("x", { buttons: "copy" as unknown as ["copy"] })).toThrow(/buttons must be a list/);
  });

  it("has no padding and no container by default, as Gradio 6, and takes both", () => {
    expect(Markdown("x").configProps()).toMatchObject({ padding: false, container: false });
    expect(Markdown("x", { padding: true, container: true }).configProps()).toMatchObject({ padding: true, container: true });
  });

  it("checks height, max_height and min_height", () => {
    expect(Markdown("x", { height: 200, max_height: "50vh", min_height: 10 }).configProps()).toMatchObject({
      height: 200,
      max_height: "50vh",
      min_height: 10,
    });
    expect(() => Markdown("x", { height: -1 })).toThrow(/height must be a non-negative number/);
    expect(() => Markdown("x", { min_height: " " })).toThrow(/min_height/);
  });
});
