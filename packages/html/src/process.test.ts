import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import { DEFAULT_JS_ON_LOAD, HTML, customEventNames, htmlEvents } from "./index.js";

describe("HTML", () => {
  it("passes strings through, turns numbers into strings and null into an empty string", () => {
    const box = HTML();
    expect(box.postprocess("<b>hi</b>")).toBe("<b>hi</b>");
    expect(box.postprocess(3)).toBe("3");
    expect(box.postprocess(null)).toBe("");
    expect(box.preprocess("<i>x</i>")).toBe("<i>x</i>");
    expect(box.preprocess(null)).toBe("");
  });

  it("refuses values that are not strings", () => {
    expect(() => HTML({ label: "Card" }).postprocess({ a: 1 } as unknown as string)).toThrow(VitrineError);
    expect(() => HTML({ label: "Card" }).postprocess({ a: 1 } as unknown as string)).toThrow(/HTML "Card": the function returned a object/);
    expect(() => HTML().preprocess(5 as unknown as string)).toThrow(/expects a string/);
    expect(() => HTML({ max_height: Number.NaN })).toThrow(/max_height must be/);
  });

  it("describes itself for the API and the page, sanitizing by default", () => {
    const app = Blocks(() => {
      HTML("<h2>Title</h2>", { min_height: 40, padding: false });
      HTML({ value: "<p>raw</p>", sanitize_html: false, label: "Raw" });
    });
    const [a, b] = app.config().components.filter((c) => c.type === "html");
    expect(a).toMatchObject({
      props: {
        value: "<h2>Title</h2>", sanitize_html: true, min_height: 40, max_height: null, padding: false, show_label: false, container: false, name: "html",
        html_template: "${value}", css_template: "", js_on_load: DEFAULT_JS_ON_LOAD, apply_default_css: true, head: null, autoscroll: false, props: {},
      },
      api_info: { type: "string" },
    });
    expect(b).toMatchObject({ props: { value: "<p>raw</p>", sanitize_html: false, label: "Raw" } });
    const box = HTML();
    expect(typeof box.change).toBe("function");
    expect(typeof box.click).toBe("function");
  });

  it("takes Gradio 6's templated HTML: any JSON value, templates, js_on_load, and its extra props", () => {
    const box = HTML({
      value: ["a", "b"],
      html_template: "{{#each value}}<button>{{this}}</button>{{/each}}",
      css_template: "button { color: ${color}; }",
      js_on_load: "element.onclick = () => trigger('pick', { option: 'a' });",
      apply_default_css: false,
      padding: true,
      container: true,
      max_height: "20em",
      autoscroll: true,
      head: '<script src="https://example.com/lib.js"></script>',
      props: { color: "red" },
    });
    expect(box.configProps()).toMatchObject({
      value: ["a", "b"],
      html_template: "{{#each value}}<button>{{this}}</button>{{/each}}",
      css_template: "button { color: ${color}; }",
      js_on_load: "element.onclick = () => trigger('pick', { option: 'a' });",
      apply_default_css: false,
      padding: true,
      container: true,
      max_height: "20em",
      autoscroll: true,
      head: '<script src="https://example.com/lib.js"></script>',
      props: { color: "red" },
    });
    expect(box.postprocess({ n: [1, 2] } as unknown as string[])).toEqual({ n: [1, 2] });
    expect(box.preprocess(["x"])).toEqual(["x"]);
    expect(box.preprocess(null)).toBeNull();
    expect(() => box.postprocess({ f: () => 1 } as unknown as string[])).toThrow(/not JSON data/);
    expect(box.api()).toEqual({ type: {}, python_type: { type: "Any", description: "any JSON value the html_template shows" } });
    expect(HTML("<b>x</b>").api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
    // A value given first, with the props after it.
    expect(HTML(["x"], { html_template: "{{value}}" }).configProps().value).toEqual(["x"]);
    expect(HTML({ value: "<p>a</p>", label: "L" }).configProps()).toMatchObject({ value: "<p>a</p>", label: "L" });
    expect(HTML({ js_on_load: null }).configProps().js_on_load).toBeNull();
  });

  it("declares Gradio's events, and a listener for each event js_on_load triggers by a name of its own", () => {
    expect(htmlEvents).toEqual(expect.arrayContaining(["change", "click", "submit", "input", "select", "double_click", "copy", "key_up"]));
    expect(htmlEvents).toHaveLength(34);
    expect(customEventNames("trigger('pick', {}); trigger(\"submit\"); trigger( `hover_in` ); trigger(name)")).toEqual(["pick", "hover_in"]);
    let box!: ReturnType<typeof HTML>;
    const app = Blocks(() => {
      box = HTML({ js_on_load: "element.onclick = () => trigger('pick', { option: 1 })" });
      box.on("pick")({ fn: () => undefined });
      box.submit({ fn: () => undefined });
    });
    expect(app.config().dependencies.map((d) => d.targets[0]![1])).toEqual(["pick", "submit"]);
    expect(() => box.on("nope")).toThrow(/has no event "nope"/);
    expect(() => HTML({ js_on_load: "trigger('preprocess')" })).toThrow(/already uses/);
  });

  it("checks its template props", () => {
    expect(() => HTML({ html_template: 3 as unknown as string })).toThrow(/html_template must be a string/);
    expect(() => HTML({ js_on_load: 3 as unknown as string })).toThrow(/js_on_load must be a string/);
    expect(() => HTML({ props: [] as unknown as Record<string, unknown> })).toThrow(/props must be an object/);
    expect(() => HTML({ props: { n: Number.POSITIVE_INFINITY } })).toThrow(/not JSON data/);
  });

  it("offers its server functions to js_on_load, called with the arguments it passes", async () => {
    async function listFiles(dir: string, limit: number) {
      return [`${dir}/a`, `${dir}/b`].slice(0, limit);
    }
    const box = HTML({ server_functions: [listFiles], js_on_load: "server.listFiles('/tmp', 1)" });
    const record = HTML({ server_functions: { twice: (n: number) => n * 2 } });
    expect(Object.keys(box.serverFunctions())).toEqual(["listFiles"]);
    await expect(box.serverFunctions().listFiles!(["/tmp", 1], { session_hash: "s" })).resolves.toEqual(["/tmp/a"]);
    expect(record.serverFunctions().twice!([21], { session_hash: "s" })).toBe(42);
    expect(record.configProps().server_fns).toEqual(["twice"]);
    expect(() => HTML({ server_functions: [() => 1] })).toThrow(/named function/);
  });
});
