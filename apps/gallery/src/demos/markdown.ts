import * as vt from "vitrine";

/** Example sources: LaTeX, highlighted code, a table, and headings to link to. */
export const MARKDOWN_EXAMPLES = {
  math: [
    "# Euler's identity",
    "",
    "Inline, $e^{i\\pi} + 1 = 0$ ties five constants together. On a line of its own:",
    "",
    "$$\\sum_{n=0}^{\\infty} \\frac{x^n}{n!} = e^x$$",
    "",
    "A price such as $5 stays text.",
  ].join("\n"),
  code: [
    "# Code",
    "",
    "## Python",
    "",
    "```python",
    "def greet(name):",
    '    return f"Hello {name}"  # say hello',
    "```",
    "",
    "## TypeScript",
    "",
    "```ts",
    "const twice = (n: number): number => n * 2;",
    "```",
  ].join("\n"),
  table: [
    "# Planets",
    "",
    "| Planet | Moons | Rings |",
    "| --- | ---: | :---: |",
    "| Earth | 1 | no |",
    "| Saturn | 146 | yes |",
    "",
    "## Notes",
    "",
    "Saturn's **rings** are mostly _ice_.",
  ].join("\n"),
} as const;

/** What the HTML card shows of a Markdown source. */
export interface MarkdownStats {
  words: number;
  headings: string[];
  code_blocks: number;
  formulas: number;
}

/** Counts the words, headings, fenced code blocks and `$`/`$$` formulas of a Markdown source. */
export function markdownStats(source: string): MarkdownStats {
  const text = source ?? "";
  const withoutCode = text.replace(/^```[\s\S]*?^```/gm, "");
  return {
    words: (withoutCode.match(/[\p{L}\p{N}]+/gu) ?? []).length,
    headings: [...withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) => m[1]!),
    code_blocks: (text.match(/^```\S*/gm) ?? []).length / 2,
    formulas: (withoutCode.match(/\$\$[\s\S]+?\$\$|\$[^\s$](?:[^$\n]*?[^\s$])?\$(?!\d)/g) ?? []).length,
  };
}

/** The HTML card: the counts, and a chip per heading that fires `pick` (a custom event) when clicked. */
const CARD_TEMPLATE = `
<div class="card">
  <p class="counts"><b>\${value.words}</b> words · <b>\${value.code_blocks}</b> code blocks · <b>\${value.formulas}</b> formulas</p>
  <div class="chips">{{#each value.headings}}<button type="button" class="chip" data-heading="{{this}}">{{this}}</button>{{else}}<i>No headings</i>{{/each}}</div>
</div>`;

const CARD_CSS = `
.card { border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); padding: var(--spacing-md); }
.counts { margin: 0 0 var(--spacing-sm); }
.chip { margin: 0 var(--spacing-xs) var(--spacing-xs) 0; padding: var(--spacing-xxs) var(--spacing-sm); border-radius: var(--radius-sm);
  border: 1px solid var(--border-color-primary); background: \${accent}; color: var(--body-text-color); cursor: pointer; font: inherit; }`;

const CARD_JS = `
element.addEventListener("click", (event) => {
  const chip = event.target.closest("button.chip");
  if (chip) trigger("pick", { heading: chip.dataset.heading });
});`;

/**
 * Markdown: a Textbox of Markdown source in, rendered Markdown out (KaTeX formulas, highlighted
 * code, tables, header links, a copy button, padding), the rendered Markdown as an input again
 * (its words counted), and a templated HTML card (Handlebars and `${…}`, a scoped
 * `css_template`, and a `js_on_load` whose `pick` event runs on the server).
 */
export function markdown() {
  return vt.Blocks({ title: "Markdown" }, () => {
    vt.Markdown("# Markdown\nType Markdown on the left; it renders on the right. Try the examples below.");
    let source!: vt.Textbox;
    vt.Row(() => {
      source = vt.Textbox({ label: "Markdown source", lines: 12, max_lines: 30, value: MARKDOWN_EXAMPLES.math });
      vt.Column(() => {
        const rendered = vt.Markdown(MARKDOWN_EXAMPLES.math, {
          label: "Rendered",
          latex_delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "$", right: "$", display: false },
          ],
          header_links: true,
          buttons: ["copy"],
          padding: true,
          container: true,
          max_height: 420,
        });
        const copied = vt.Textbox({ label: "Copied text", lines: 3, interactive: false });
        const words = vt.Textbox({ label: "Word count", interactive: false });
        source.change({ fn: (text: string) => text, inputs: [source], outputs: [rendered], api_name: "render_markdown" });
        rendered.copy({ fn: (ctx: vt.EventContext<vt.CopyData>) => String(ctx.event.value), outputs: [copied], api_name: false });
        vt.Button("Count words").click({
          fn: (text: string) => `${markdownStats(text).words} words`,
          inputs: [rendered],
          outputs: [words],
          api_name: "count_words",
        });
      });
    });
    vt.Examples({ examples: [[MARKDOWN_EXAMPLES.math], [MARKDOWN_EXAMPLES.code], [MARKDOWN_EXAMPLES.table]], inputs: [source] });
    vt.Row(() => {
      const card = vt.HTML<MarkdownStats | null>({
        label: "Outline",
        value: markdownStats(MARKDOWN_EXAMPLES.math),
        html_template: CARD_TEMPLATE,
        css_template: CARD_CSS,
        js_on_load: CARD_JS,
        props: { accent: "var(--background-fill-secondary)" },
        padding: true,
      });
      const picked = vt.Textbox({ label: "Picked heading", interactive: false });
      source.change({ fn: (text: string) => markdownStats(text), inputs: [source], outputs: [card], api_name: "outline" });
      card.on("pick")({ fn: (ctx) => `You picked: ${String(ctx.event.heading)}`, outputs: [picked], api_name: false });
    });
  });
}
