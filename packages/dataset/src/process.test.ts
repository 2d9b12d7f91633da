import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError, type ValueOf } from "@vitrine/core";
import { Number as NumberField, NumberComponent } from "@vitrine/number";
import { Radio } from "@vitrine/radio";
import { Textbox, TextboxComponent } from "@vitrine/textbox";
import { Dataset, DatasetComponent, Examples, datasetEvents, type ExamplesHandle } from "./index.js";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}

describe("Dataset", () => {
  const columns = () => [Textbox({ label: "Name", render: false }), NumberField({ precision: 0, render: false })] as const;

  it("passes the clicked sample's values, or its index", () => {
    const values = Dataset({ components: columns(), samples: [["Ada", 2], ["Grace", 3]] });
    expect(values).toBeInstanceOf(DatasetComponent);
    expect(values.preprocess(1)).toEqual(["Grace", 3]);
    const byIndex = Dataset({ components: columns(), samples: [["Ada", 2], ["Grace", 3]], type: "index" });
    expect(byIndex.preprocess(1)).toBe(1);
    // Samples replaced on the page by an update: the index still reaches the function.
    expect(byIndex.preprocess(7)).toBe(7);
    expect(byIndex.postprocess(0)).toBe(0);
    expect(byIndex.postprocess(null)).toBeNull();
  });

  it("rejects a missing or unknown index with a VitrineError, and a non-index with a TypeError", () => {
    const ds = Dataset({ components: columns(), samples: [["Ada", 2]], label: "People" });
    const missing = thrown(() => ds.preprocess(null));
    expect(isUserError(missing)).toBe(true);
    expect((missing as Error).message).toBe('Dataset "People": no sample is selected');
    expect(thrown(() => ds.preprocess(5))).toBeInstanceOf(VitrineError);
    expect((thrown(() => ds.preprocess(-1)) as Error).message).toBe('Dataset "People": there is no sample -1 (it has 1)');
    expect(() => ds.preprocess(0.5)).toThrow(TypeError);
    expect(() => ds.preprocess("0" as unknown as number)).toThrow(TypeError);
    expect(() => ds.postprocess(1.5)).toThrow(TypeError);
  });

  it("validates its own props", () => {
    expect(() => Dataset({ components: columns(), samples: [["Ada"] as unknown as [string, number]] })).toThrow(
      "Dataset: sample 0 must have one value per component (2), got 1 values",
    );
    expect(() => Dataset({ components: [{} as TextboxComponent] })).toThrow("components[0] is not a component");
    expect(() => Dataset({ components: columns(), headers: ["only one"] })).toThrow(TypeError);
    expect(() => Dataset({ components: columns(), samples_per_page: 0 })).toThrow(RangeError);
    expect(() => Dataset({ components: columns(), type: "tuple" as "index" })).toThrow(TypeError);
  });

  it("serializes column types, their props and processed samples into the config", () => {
    let ds!: DatasetComponent;
    const app = Blocks(() => {
      const [name, times] = columns();
      ds = Dataset({
        components: [name, times],
        samples: [["Ada", 2.4], ["Grace", 3.6]],
        headers: ["Who", "How often"],
        samples_per_page: 5,
        label: "People",
      });
    });
    const config = app.config();
    const block = config.components.find((c) => c.id === ds.id)!;
    expect(block.type).toBe("dataset");
    expect(block.props).toMatchObject({
      components: ["textbox", "number"],
      samples: [["Ada", 2], ["Grace", 4]], // through Number's processExample: precision 0
      headers: ["Who", "How often"],
      samples_per_page: 5,
      type: "values",
      label: "People",
      value: null,
      name: "dataset",
    });
    const props = block.props.component_props as Record<string, unknown>[];
    expect(props[0]).toMatchObject({ label: "Name", name: "textbox" });
    expect(props[1]).toMatchObject({ precision: 0, name: "number" });
    expect(block.props.component_ids).toEqual(ds.components.map((c) => c.id));
    // The column components were made with render: false: they are not in the layout.
    expect(config.layout.children).toEqual([{ id: ds.id }]);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(block.api_info).toEqual({ type: "integer", description: "index of the selected sample" });
    expect(Dataset({ components: columns() }).configProps()).toMatchObject({ samples: [], headers: [], samples_per_page: 10 });
  });

  it("declares click and select, and types the function from its columns", () => {
    expect([...datasetEvents]).toEqual(["click", "select"]);
    let ds!: DatasetComponent<readonly [TextboxComponent, NumberComponent]>;
    const app = Blocks(() => {
      const out = Textbox();
      ds = Dataset({ components: columns(), samples: [["Ada", 2]] });
      ds.select({ fn: ([name, times]) => `${name}`.repeat(times ?? 1), inputs: [ds], outputs: [out] });
    });
    const row: ValueOf<typeof ds> = ds.preprocess(0);
    expect(app.dependencies[0]!.fn!(row)).toBe("AdaAda");
    expect(app.config().dependencies[0]!.targets).toEqual([[ds.id, "select"]]);
  });
});

describe("Examples", () => {
  it("places a Dataset of the examples and wires its click to fill the inputs", () => {
    let name!: TextboxComponent;
    let times!: NumberComponent;
    let examples!: ExamplesHandle;
    const app = Blocks(() => {
      name = Textbox({ label: "Name" });
      times = NumberField({ label: "Times", precision: 0 });
      examples = Examples({ examples: [["Ada", 2], ["Grace", 3]], inputs: [name, times] });
    });
    const { dataset, loadInputEvent } = examples;
    const config = app.config();

    // The dataset sits in the layout after the inputs, labelled "Examples", passing indexes.
    expect(config.layout.children!.map((c) => c.id)).toEqual([name.id, times.id, dataset.id]);
    const block = config.components.find((c) => c.id === dataset.id)!;
    expect(block.props).toMatchObject({
      components: ["textbox", "number"],
      samples: [["Ada", 2], ["Grace", 3]],
      label: "Examples",
      type: "index",
      samples_per_page: 10,
    });
    expect(block.props.interactive).toBe(true);

    // The click dependency: dataset in, the inputs out, hidden from the API, unqueued.
    const dep = config.dependencies[loadInputEvent.id]!;
    expect(dep).toMatchObject({
      targets: [[dataset.id, "click"]],
      inputs: [dataset.id],
      outputs: [name.id, times.id],
      api_name: null,
      api_visibility: "private",
      show_api: false,
      queue: false,
      backend_fn: true,
    });
    expect(app.apiInfo().named_endpoints).toEqual({});

    // Running it as the server would: preprocess the clicked index, call fn.
    const fn = app.dependencies[loadInputEvent.id]!.fn!;
    expect(fn(dataset.preprocess(1))).toEqual(["Grace", 3]);
    expect(fn(dataset.preprocess(0))).toEqual(["Ada", 2]);
    expect(() => fn(dataset.preprocess(2))).toThrow(VitrineError);
  });

  it("returns the bare value for a single input, and accepts bare examples", () => {
    let text!: TextboxComponent;
    let examples!: ExamplesHandle;
    const app = Blocks(() => {
      text = Textbox();
      examples = Examples({ examples: ["hi", "hello"], inputs: text, label: "Try" });
    });
    const fn = app.dependencies[examples.loadInputEvent.id]!.fn!;
    expect(fn(1)).toBe("hello");
    expect(examples.examples).toEqual([["hi"], ["hello"]]);
    const block = app.config().components.find((c) => c.id === examples.dataset.id)!;
    expect(block.props).toMatchObject({ samples: [["hi"], ["hello"]], label: "Try", components: ["textbox"] });
    expect(app.config().dependencies[0]!.outputs).toEqual([text.id]);
  });

  it("leaves out inputs that have no example values", () => {
    let a!: TextboxComponent;
    let b!: TextboxComponent;
    let c!: TextboxComponent;
    let examples!: ExamplesHandle;
    const app = Blocks(() => {
      a = Textbox();
      b = Textbox();
      c = Textbox();
      examples = Examples({ examples: [["x", null, "z"], ["y", null, null]], inputs: [a, b, c] });
    });
    const dep = app.config().dependencies[examples.loadInputEvent.id]!;
    expect(dep.outputs).toEqual([a.id, c.id]);
    expect(examples.dataset.components).toEqual([a, c]);
    expect(app.dependencies[examples.loadInputEvent.id]!.fn!(1)).toEqual(["y", null]);
  });

  it("shows radio examples by value and pages by examples_per_page", () => {
    let examples!: ExamplesHandle;
    const app = Blocks(() => {
      const op = Radio({ choices: [["Add", "add"], ["Subtract", "sub"]] });
      examples = Examples({ examples: [["add"], ["sub"], ["add"]], inputs: [op], examples_per_page: 2 });
    });
    const block = app.config().components.find((c) => c.id === examples.dataset.id)!;
    expect(block.props.samples).toEqual([["add"], ["sub"], ["add"]]);
    expect(block.props.samples_per_page).toBe(2);
    expect((block.props.component_props as { choices: unknown }[])[0]!.choices).toEqual([["Add", "add"], ["Subtract", "sub"]]);
  });

  it("with run_on_click, runs fn after loading the example (never cached)", () => {
    let examples!: ExamplesHandle;
    let out!: TextboxComponent;
    const calls: string[] = [];
    const app = Blocks(() => {
      const name = Textbox();
      out = Textbox();
      examples = Examples({
        examples: [["Ada"]],
        inputs: [name],
        outputs: [out],
        fn: (n) => {
          calls.push(n);
          return `Hello ${n}`;
        },
        run_on_click: true,
      });
      Examples({ examples: [["Bob"]], inputs: [name], outputs: [out], fn: (n) => n });
    });
    const deps = app.config().dependencies;
    expect(deps).toHaveLength(3); // load + run for the first, load only for the second
    const run = deps[examples.runEvent!.id]!;
    expect(run).toMatchObject({ trigger_after: examples.loadInputEvent.id, outputs: [out.id], api_name: null, show_api: false });
    expect(app.dependencies[run.id]!.fn!("Ada")).toBe("Hello Ada");
    expect(calls).toEqual(["Ada"]);
  });

  it("must be called inside a Blocks builder, with well-formed examples", () => {
    const text = Textbox();
    expect(() => Examples({ examples: ["hi"], inputs: text })).toThrow("Examples must be created inside a Blocks builder callback");
    expect(() =>
      Blocks(() => {
        const a = Textbox();
        const b = Textbox();
        Examples({ examples: [["only one"] as unknown as [string, string]], inputs: [a, b] });
      }),
    ).toThrow("Examples: example 0 must have one value per input (2), got 1 values");
  });
});
