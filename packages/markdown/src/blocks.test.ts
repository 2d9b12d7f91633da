import { describe, expect, it } from "@jest/globals";
import { JSDOM } from "jsdom";
import createDOMPurify, { type WindowLike } from "dompurify";
import { renderMarkdown, renderMarkdownBlocks, type RenderedBlocks, type RenderOptions } from "./render.js";
import { highlightCode } from "./highlight.js";
import { patchBlocks, type ShownBlock } from "./blocks-dom.js";

const window = new JSDOM("").window;
const purify = createDOMPurify(window as unknown as WindowLike);

const TEXTS = [
  "# Title\n\nSome **bold** text and a [ref link][r].\n\n- one\n- two\n\n  still two\n\n[r]: https://example.com",
  "## Same\n\ntext\n\n## Same\n\n> ## Same\n\n1. a\n2. b",
  "```python\nimport os\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$$x^2$$\n\nA $y$ and $$z$$ inline.",
  "line one\nline two\n\n***\n\nSetext\n======\n\ncode:\n\n    indented",
  "<script>alert(1)</script> inline <b onclick=x>b</b>\n\n[js](javascript:alert(1))",
];

const OPTIONS: RenderOptions[] = [
  { purify },
  { purify, headerLinks: true },
  { purify, lineBreaks: true, highlight: highlightCode, math: (tex, display) => `<span class="m${display ? "d" : ""}">${tex}</span>` },
  { purify, sanitize: false },
];

describe("renderMarkdownBlocks", () => {
  it("gives, joined, the HTML renderMarkdown gives for the whole text", () => {
    for (const options of OPTIONS) {
      for (const text of TEXTS) {
        expect(renderMarkdownBlocks(text, options).blocks.map((b) => b.html).join("")).toBe(renderMarkdown(text, options));
      }
    }
  });

  it("gives back the unchanged leading blocks of a growing text as they were, rendering only the rest", () => {
    const reply = "# Plan\n\nFirst, the **setup**.\n\n```python\nimport os\nprint(os.name)\n```\n\n- a step\n- another step\n\nDone.";
    let last: RenderedBlocks | undefined;
    let renders = 0;
    const highlight = (code: string, lang: string) => {
      renders++;
      return highlightCode(code, lang);
    };
    for (let end = 1; end <= reply.length; end++) {
      const previous = last?.blocks ?? [];
      last = renderMarkdownBlocks(reply.slice(0, end), { purify, highlight }, last);
      // Every block but the last is the same object as before when its source did not change.
      for (let i = 0; i < last.blocks.length - 1; i++) {
        if (previous[i]?.source === last.blocks[i]!.source) expect(last.blocks[i]).toBe(previous[i]);
      }
    }
    expect(last!.blocks.map((b) => b.html).join("")).toBe(renderMarkdown(reply, { purify, highlight: highlightCode }));
    // The code block was highlighted while it grew, and not once per character after it was done.
    const codeChars = "```python\nimport os\nprint(os.name)\n```".length;
    expect(renders).toBeLessThan(codeChars + 5);
  });

  it("renders every prefix of a growing text as renderMarkdown renders it whole, lexing only its last block again", () => {
    const replies = [
      "Intro with *emphasis*\nand a lazy line.\n\n1. first\n2. second\n\n   more of second\n\nA table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSetext\n---\n\n> quoted\ncontinued\n\n```js\nconst x = 1;\n```\n\n$$\\frac{1}{2}$$\n\nEnd.",
      "- a\n- b\n\n- c\n\n    indented code\n\n***\n\nText\n=====",
      "Windows\r\nline ends\r\n\r\nand more",
      "A [link][r] early.\n\nMiddle.\n\n[r]: https://example.com/r\n\nAfter the definition.",
      "Display math over blank lines:\n\n$$\na\n\nb\n$$\n\nEnd.",
    ];
    for (const options of [{ purify }, { purify, headerLinks: true, lineBreaks: true }]) {
      for (const reply of replies) {
        let last: RenderedBlocks | undefined;
        for (let end = 1; end <= reply.length; end++) {
          const text = reply.slice(0, end);
          const before = last;
          last = renderMarkdownBlocks(text, options, last);
          expect([text, last.blocks.map((b) => b.html).join("")]).toEqual([text, renderMarkdown(text, options)]);
          // Lexed in part: the tokens before the last block are the previous render's own.
          if (before && before.lexed.blocks.length > 1 && !/\r|\]:|\$\$\n/.test(reply)) {
            expect(last.lexed.blocks[0]!.token).toBe(before.lexed.blocks[0]!.token);
          }
        }
      }
    }
  });

  it("renders an earlier block again when a link definition it uses arrives later", () => {
    const first = renderMarkdownBlocks("See [the docs][d].\n\nMore", { purify });
    expect(first.blocks[0]!.html).toBe("<p>See [the docs][d].</p>\n");
    const second = renderMarkdownBlocks("See [the docs][d].\n\nMore\n\n[d]: https://example.com/docs", { purify }, first);
    expect(second.blocks[0]!.html).toMatch(/^<p>See <a href="https:\/\/example.com\/docs"[^>]*>the docs<\/a>.<\/p>/);
  });

  it("renders a block again when a heading before it changes (its slug may change)", () => {
    const options = { purify, headerLinks: true };
    const first = renderMarkdownBlocks("# A\n\n# B", options);
    expect(first.blocks[1]!.html).toContain('id="b"');
    const second = renderMarkdownBlocks("# B\n\n# B", options, first);
    expect(second.blocks[1]).not.toBe(first.blocks[1]);
    expect(second.blocks[1]!.html).toContain('id="b-1"');
    // Reused blocks still take their slugs: a later heading stays unique.
    const third = renderMarkdownBlocks("# B\n\n# B\n\n# B", options, second);
    expect(third.blocks[0]).toBe(second.blocks[0]);
    expect(third.blocks[1]).toBe(second.blocks[1]);
    expect(third.blocks[2]!.html).toContain('id="b-2"');
  });

  it("renders a text with an HTML block as one block, so its tags nest across blank lines", () => {
    const text = "<details>\n\n**inside**\n\n</details>\n\nafter";
    const { blocks } = renderMarkdownBlocks(text, { purify });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.html).toBe(renderMarkdown(text, { purify }));
    expect(blocks[0]!.html).toMatch(/<details>[\s\S]*<strong>inside<\/strong>[\s\S]*<\/details>/);
  });

  it("says whether the text holds formulas or code with a language", () => {
    expect(renderMarkdownBlocks("plain", { purify })).toMatchObject({ hasMath: false, hasHighlightableCode: false });
    expect(renderMarkdownBlocks("$$x$$\n\n```js\n1\n```", { purify })).toMatchObject({ hasMath: true, hasHighlightableCode: true });
    expect(renderMarkdownBlocks("`$$x$$`\n\n```\nno language\n```", { purify })).toMatchObject({ hasMath: false, hasHighlightableCode: false });
  });
});

describe("patchBlocks", () => {
  it("keeps the nodes of unchanged leading blocks and replaces the rest", () => {
    const host = window.document.createElement("div");
    let rendered = renderMarkdownBlocks("one\n\ntwo", { purify });
    let shown: ShownBlock[] = patchBlocks(host as unknown as Element, [], rendered.blocks);
    expect(host.innerHTML).toBe(rendered.blocks.map((b) => b.html).join(""));
    const firstParagraph = host.querySelector("p");
    rendered = renderMarkdownBlocks("one\n\ntwo three\n\n- four", { purify }, rendered);
    shown = patchBlocks(host as unknown as Element, shown, rendered.blocks);
    expect(host.querySelector("p")).toBe(firstParagraph);
    expect(host.innerHTML).toBe(renderMarkdown("one\n\ntwo three\n\n- four", { purify }));
    // A text that shrinks and changes at the start is rebuilt.
    rendered = renderMarkdownBlocks("zero", { purify }, rendered);
    shown = patchBlocks(host as unknown as Element, shown, rendered.blocks);
    expect(host.innerHTML).toBe("<p>zero</p>\n");
    expect(shown).toHaveLength(1);
  });
});
