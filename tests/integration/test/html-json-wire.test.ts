/**
 * JSON, HTML and Markdown on the wire, through Gradio's official `@gradio/client` against real
 * Vitrine apps: a JSON value (nested, with unicode, nulls and numbers) goes in and comes back
 * transformed; a JSON string returned is parsed; plain HTML round trips as a string; a templated
 * HTML's value is any JSON value (a list in, the list reversed out); and the gallery's `markdown`
 * demo renders, counts and outlines its source as its page does. `view_api()` must describe each
 * parameter and return with the component and type Gradio's clients print.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient } from "@gradio/client";
import * as vt from "vitrine";
import { markdown } from "@vitrine/demo-gallery";
import { serveAtRoot, type Served } from "./harness.js";

type Json = vt.JsonValue;

/** What `/json_shape` does to its input: counts its keys and reverses its `list`. */
function shape(value: Json): Json {
  const obj = value !== null && typeof value === "object" && !Array.isArray(value) ? value : { value };
  const list = Array.isArray(obj.list) ? [...obj.list].reverse() : [];
  return { keys: Object.keys(obj).sort(), list, echo: obj };
}

function app() {
  return vt.Blocks(() => {
    const jsonIn = vt.JSON({ label: "Data in" });
    const jsonOut = vt.JSON({ label: "Data out", buttons: ["copy"], open: true });
    const text = vt.Textbox({ label: "JSON text" });
    const html = vt.HTML({ label: "Card" });
    const list = vt.HTML<string[] | null>({ label: "Chips", html_template: "{{#each value}}<b>{{this}}</b>{{/each}}", value: ["a"] });
    const listOut = vt.HTML<string[] | null>({ label: "Chips reversed", html_template: "{{#each value}}<i>{{this}}</i>{{/each}}" });
    const length = vt.Number({ label: "Length" });
    vt.Button("a").click({ fn: shape, inputs: [jsonIn], outputs: [jsonOut], api_name: "json_shape" });
    vt.Button("b").click({ fn: (s: string) => s, inputs: [text], outputs: [jsonOut], api_name: "json_parse" });
    vt.Button("c").click({ fn: (s: string) => `<h2>${s}</h2>`, inputs: [text], outputs: [html], api_name: "html_wrap" });
    vt.Button("d").click({ fn: (h: string) => h.length, inputs: [html], outputs: [length], api_name: "html_length" });
    vt.Button("e").click({ fn: (l: string[] | null) => [...(l ?? [])].reverse(), inputs: [list], outputs: [listOut], api_name: "chips_reverse" });
  });
}

interface Param {
  label: string;
  component: string;
  type: unknown;
  python_type: { type: string };
}
type Api = { named_endpoints: Record<string, { parameters: Param[]; returns: Param[] }> };

describe("JSON and HTML over the wire (@gradio/client)", () => {
  let served: Served;
  let client: Awaited<ReturnType<typeof GradioClient.connect>>;
  beforeAll(async () => {
    served = await serveAtRoot(app());
    client = await GradioClient.connect(served.url);
  });
  afterAll(async () => {
    await served?.close();
  });

  it("round trips a nested JSON value through a function that transforms it", async () => {
    const value = { name: "Zoë ✓", list: [1, 2.5, null, { deep: [true, "x"] }], empty: {}, none: null };
    const result = await client.predict("/json_shape", [value]);
    expect(result.data).toEqual([{ keys: ["empty", "list", "name", "none"], list: [{ deep: [true, "x"] }, null, 2.5, 1], echo: value }]);
    // A bare scalar is JSON too.
    await expect(client.predict("/json_shape", [42]).then((r: { data: unknown }) => r.data)).resolves.toEqual([{ keys: ["value"], list: [], echo: { value: 42 } }]);
  });

  it("parses a JSON string returned to a JSON output, and reports one that is not JSON", async () => {
    const parsed = await client.predict("/json_parse", ['{"a": [1, {"b": null}], "t": "é"}']);
    expect(parsed.data).toEqual([{ a: [1, { b: null }], t: "é" }]);
    await expect(client.predict("/json_parse", ["{oops"])).rejects.toMatchObject({ message: expect.stringMatching(/not valid JSON/) });
  });

  it("round trips HTML strings, as output and as input", async () => {
    const wrapped = await client.predict("/html_wrap", ["Hi <i>there</i>"]);
    expect(wrapped.data).toEqual(["<h2>Hi <i>there</i></h2>"]);
    const measured = await client.predict("/html_length", ["<p>hello</p>"]);
    expect(measured.data).toEqual([12]);
  });

  it("sends a templated HTML's value as the JSON value its template shows", async () => {
    const reversed = await client.predict("/chips_reverse", [["one", "two", "<three>"]]);
    expect(reversed.data).toEqual([["<three>", "two", "one"]]);
  });

  it("describes JSON and HTML in view_api() as Gradio's clients print them", async () => {
    const api = (await client.view_api()) as Api;
    const shapeApi = api.named_endpoints["/json_shape"]!;
    expect(shapeApi.parameters[0]).toMatchObject({
      label: "Data in",
      component: "Json",
      python_type: { type: "Dict[Any, Any] | List[Any] | str | float | bool | None" },
    });
    expect(shapeApi.returns[0]).toMatchObject({ label: "Data out", component: "Json" });
    expect(api.named_endpoints["/html_wrap"]!.returns[0]).toMatchObject({ label: "Card", component: "Html", type: "string", python_type: { type: "str" } });
    expect(api.named_endpoints["/html_length"]!.parameters[0]).toMatchObject({ label: "Card", component: "Html", python_type: { type: "str" } });
    const chips = api.named_endpoints["/chips_reverse"]!;
    expect(chips.parameters[0]).toMatchObject({ label: "Chips", component: "Html", python_type: { type: "Any" } });
    expect(chips.returns[0]).toMatchObject({ label: "Chips reversed", component: "Html", python_type: { type: "Any" } });
  });
});

describe("the markdown demo over the wire (@gradio/client)", () => {
  let served: Served;
  let client: Awaited<ReturnType<typeof GradioClient.connect>>;
  beforeAll(async () => {
    served = await serveAtRoot(markdown());
    client = await GradioClient.connect(served.url);
  });
  afterAll(async () => {
    await served?.close();
  });

  it("renders, counts and outlines the source as the page does", async () => {
    const table = "# Planets\n\n| Planet | Moons |\n| --- | ---: |\n| Earth | 1 |";
    const rendered = await client.predict("/render_markdown", [table]);
    expect(rendered.data).toEqual([table]);
    const words = await client.predict("/count_words", ["# One two\n\nthree `four`"]);
    expect(words.data).toEqual(["4 words"]);
    const code = "# Code\n\n## Python\n\n```python\nprint(1)\n```\n\n## Shell\n\n```sh\nls\n```";
    const outline = await client.predict("/outline", [code]);
    expect(outline.data).toEqual([{ words: 3, headings: ["Code", "Python", "Shell"], code_blocks: 2, formulas: 0 }]);
    const math = await client.predict("/outline", ["# E\n\nInline $x^2$ costs $5.\n\n$$\\sum_i i$$"]);
    expect(math.data).toEqual([{ words: 9, headings: ["E"], code_blocks: 0, formulas: 2 }]);
  });

  it("describes the Markdown, Textbox and templated HTML in view_api()", async () => {
    const api = (await client.view_api()) as Api;
    expect(api.named_endpoints["/render_markdown"]!.parameters[0]).toMatchObject({ label: "Markdown source", component: "Textbox", python_type: { type: "str" } });
    expect(api.named_endpoints["/render_markdown"]!.returns[0]).toMatchObject({ label: "Rendered", component: "Markdown", type: "string", python_type: { type: "str" } });
    expect(api.named_endpoints["/count_words"]!.parameters[0]).toMatchObject({ label: "Rendered", component: "Markdown", python_type: { type: "str" } });
    expect(api.named_endpoints["/outline"]!.returns[0]).toMatchObject({ label: "Outline", component: "Html", python_type: { type: "Any" } });
  });
});
