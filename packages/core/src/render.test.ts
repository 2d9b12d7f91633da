import { describe, expect, it } from "@jest/globals";
import { Blocks, RenderBlock, render, type RenderedRegion } from "./index.js";
import { Field } from "../test/fixtures.js";

describe("vt.render", () => {
  it("registers a private dependency triggered by load and its inputs' change", () => {
    let region!: RenderBlock;
    let text!: ReturnType<typeof Field>;
    const app = Blocks(() => {
      text = Field({ label: "words" });
      region = render({ inputs: [text] }, (words: string) => {
        for (const w of words.split(" ")) Field({ label: w });
      });
    });
    const dep = app.config().dependencies[region.dependency.id]!;
    expect(dep).toMatchObject({
      api_name: null,
      render_id: region.id,
      rendered_in: null,
      inputs: [text.id],
      outputs: [],
      trigger_mode: "always_last",
      show_progress: "hidden",
    });
    expect(dep.targets).toEqual([
      [app.id, "load"],
      [text.id, "change"],
    ]);
    expect(app.config().components.find((c) => c.id === region.id)).toMatchObject({ type: "render" });
    expect(Object.keys(app.apiInfo().named_endpoints)).toEqual([]);
  });

  it("uses the given triggers instead of the defaults", () => {
    let region!: RenderBlock;
    let text!: ReturnType<typeof Field>;
    const app = Blocks(() => {
      text = Field();
      region = render({ inputs: text, triggers: [text.submit] }, () => {});
    });
    expect(app.config().dependencies[region.dependency.id]!.targets).toEqual([[text.id, "submit"]]);
  });

  it("rebuilds a region of new blocks and listeners, each run with fresh ids", () => {
    let region!: RenderBlock;
    let out!: ReturnType<typeof Field>;
    Blocks(() => {
      const text = Field();
      out = Field();
      region = render({ inputs: [text] }, (words: string) => {
        for (const w of words.split(" ")) {
          const f = Field({ label: w });
          f.submit({ fn: () => w.toUpperCase(), outputs: out });
        }
      });
    });
    let next = 100;
    const allocate = () => next++;
    const first: RenderedRegion = region.rebuild(["a b"], allocate);
    const config = first.config();
    expect(config.render_id).toBe(region.id);
    expect(config.components.map((c) => c.props.label)).toEqual(["a", "b"]);
    expect(config.components.every((c) => c.rendered_in === region.id)).toBe(true);
    expect(config.layout).toEqual({ id: region.id, children: config.components.map((c) => ({ id: c.id })) });
    expect(config.dependencies.map((d) => [d.id, d.rendered_in, d.outputs])).toEqual([
      [100, region.id, [out.id]],
      [101, region.id, [out.id]],
    ]);
    expect(first.dependencies.get(101)!.fn!()).toBe("B");
    const second = region.rebuild(["c"], allocate).config();
    expect(second.dependencies.map((d) => d.id)).toEqual([102]);
    expect(second.components[0]!.id).not.toBe(config.components[0]!.id);
  });

  it("a keyed block tells the page which props it keeps across rebuilds (preserved_by_key, default the value)", () => {
    expect(Field({ key: "k", render: false }).configProps().preserved_by_key).toEqual(["value"]);
    expect(Field({ key: "k", preserved_by_key: "label", render: false }).configProps().preserved_by_key).toEqual(["label"]);
    expect(Field({ key: 3, preserved_by_key: ["value", "label"], render: false }).configProps().preserved_by_key).toEqual(["value", "label"]);
    expect(Field({ key: "k", preserved_by_key: null, render: false }).configProps().preserved_by_key).toEqual([]);
    // Without a key there is nothing to keep by.
    expect("preserved_by_key" in Field({ preserved_by_key: "label", render: false }).configProps()).toBe(false);
  });

  it("refuses an async build function", () => {
    let region!: RenderBlock;
    Blocks(() => {
      region = render((async () => {}) as () => void);
    });
    expect(() => region.rebuild([], () => 0)).toThrow(/synchronously/);
  });

  it("must be called in a Blocks builder", () => {
    expect(() => render(() => {})).toThrow(/inside a Blocks/);
  });
});
