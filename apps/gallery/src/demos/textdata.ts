import * as vt from "vitrine";

/** The HTML the demo starts with: safe markup, and an image and a script that must not run. */
export const UNSAFE_HTML =
  '<h3 class="card-title">Safe title</h3><p>Some <b>bold</b> text.</p>' +
  '<img src="x" onerror="window.__vtPwned = \'img\'"><script>window.__vtPwned = "script"</script>' +
  '<a href="javascript:window.__vtPwned=\'link\'">a link</a>';

/** Tags the words of `text`: capitalised words as NAME, numbers as NUMBER (as `{ text, entities }`). */
export function tagWords(text: string): vt.HighlightedEntities {
  const entities: vt.HighlightedEntity[] = [];
  for (const m of text.matchAll(/\p{Lu}\p{L}*|\d+(?:\.\d+)?/gu)) {
    entities.push({ entity: /\d/.test(m[0]) ? "NUMBER" : "NAME", start: m.index, end: m.index + m[0].length });
  }
  return { text, entities };
}

/** Counts the spans of each label (unlabelled spans under "none"). */
export function countLabels(pairs: vt.SpanPair[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, label] of pairs) {
    const key = label === null ? "none" : String(label);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The shape of a JSON value: its type, and its keys or length. */
export function describeJson(value: vt.JsonValue): vt.JsonValue {
  if (Array.isArray(value)) return { type: "array", length: value.length };
  if (value !== null && typeof value === "object") return { type: "object", keys: Object.keys(value) };
  return { type: value === null ? "null" : typeof value };
}

/** JSON, HTML and HighlightedText, each as an output and as an input. */
export function textdata() {
  return vt.Blocks({ title: "Text and data" }, () => {
    vt.Markdown("# JSON, HTML and HighlightedText");
    vt.Row(() => {
      const source = vt.Textbox({ label: "JSON text", lines: 4, value: '{"name": "Ada", "langs": ["en", "fr"], "born": {"year": 1815, "city": "London"}}' });
      const parsed = vt.JSON({ label: "Parsed" });
      const shape = vt.JSON({ label: "Shape", open: true });
      vt.Button("Parse").click({ fn: (text: string) => text, inputs: [source], outputs: [parsed], api_name: "parse_json" });
      vt.Button("Describe").click({ fn: describeJson, inputs: [parsed], outputs: [shape], api_name: "describe_json" });
    });
    vt.Row(() => {
      const html = vt.Textbox({ label: "HTML source", lines: 4, value: UNSAFE_HTML });
      const shown = vt.HTML({ label: "Rendered" });
      const length = vt.Textbox({ label: "HTML length" });
      const clicks = vt.Number({ label: "HTML clicks", value: 0, precision: 0 });
      vt.Button("Render").click({ fn: (s: string) => s, inputs: [html], outputs: [shown], api_name: "render_html" });
      vt.Button("Measure").click({ fn: (s: string) => `${s.length} characters`, inputs: [shown], outputs: [length], api_name: "measure_html" });
      shown.click({ fn: (n: number) => n + 1, inputs: [clicks], outputs: [clicks] });
    });
    vt.Row(() => {
      const sentence = vt.Textbox({ label: "Sentence", value: "Ada met Alan in London in 1835" });
      const tagged = vt.HighlightedText({ label: "Tagged", show_legend: true, color_map: { NAME: "#3b82f6" } });
      const selected = vt.Textbox({ label: "Selected span" });
      vt.Button("Tag").click({ fn: tagWords, inputs: [sentence], outputs: [tagged], api_name: "tag" });
      tagged.select({
        fn: (ctx: vt.EventContext<vt.HighlightedTextEventData["select"]>) => {
          const [text, label] = ctx.event.value as [string, vt.SpanLabel];
          return `${JSON.stringify(ctx.event.index)}: ${text} (${label ?? "none"})`;
        },
        outputs: [selected],
        api_name: false,
      });
      const editable = vt.HighlightedText({
        label: "Editable spans",
        interactive: true,
        value: [["The cat", "ANIMAL"], [" sat on ", null], ["the mat", "THING"], [".", 0.5]],
      });
      const counts = vt.JSON({ label: "Label counts" });
      vt.Button("Count labels").click({ fn: countLabels, inputs: [editable], outputs: [counts], api_name: "count_labels" });
    });
  });
}
