import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Blocks, StartupError, type BlocksApp } from "@vitrine/core";
import { Number as NumberField } from "@vitrine/number";
import { Radio } from "@vitrine/radio";
import { Textbox } from "@vitrine/textbox";
import { CACHE_FILE, type CacheFileContent } from "./cache.js";
import { fromCell } from "./folder.js";
import { Examples, cacheKey, readExamplesFolder, type ExamplesHandle, type ExamplesProps } from "./index.js";

// Each test runs in a fresh working directory, where `.vitrine/cached_examples/` is written.
const startDir = process.cwd();
let workDir: string;
beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), "vitrine-examples-"));
  process.chdir(workDir);
  delete process.env.VITRINE_EXAMPLES_CACHE;
});
afterEach(() => {
  process.chdir(startDir);
  rmSync(workDir, { recursive: true, force: true });
});

/** A greeter app with examples; `calls` counts the runs of its function. */
function greeter(
  options: Partial<Pick<ExamplesProps<never, never>, "cache_examples" | "cache_mode" | "run_on_click">> & {
    examples?: [string, number][];
    fn?: (name: string, times: number | null) => string;
  } = {},
) {
  const calls: string[] = [];
  let handle!: ExamplesHandle;
  const fn =
    options.fn ??
    ((name: string, times: number | null) => {
      calls.push(name);
      return `Hello ${name}`.repeat(times ?? 1);
    });
  const app = Blocks({ title: "Greeter" }, () => {
    const name = Textbox({ label: "Name" });
    const times = NumberField({ label: "Times", precision: 0 });
    const out = Textbox({ label: "Greeting" });
    handle = Examples({
      examples: options.examples ?? [["Ada", 2], ["Grace", 1]],
      inputs: [name, times],
      outputs: [out],
      fn: (n, t) => fn(n, t),
      cache_examples: options.cache_examples,
      cache_mode: options.cache_mode,
      run_on_click: options.run_on_click,
    });
  });
  return { app, calls, handle };
}

/** What a click on example `index` answers, as the server would run it. */
function click(app: BlocksApp, handle: ExamplesHandle, index: number): Promise<unknown> {
  const dep = app.dependencies[handle.loadInputEvent.id]!;
  return Promise.resolve(dep.fn!(handle.dataset.preprocess(index)));
}

function readCache(handle: ExamplesHandle): CacheFileContent {
  return JSON.parse(readFileSync(handle.cache!.file, "utf8")) as CacheFileContent;
}

describe("cached examples", () => {
  it("eager: computes every example at start, then a click answers without calling fn", async () => {
    const { app, calls, handle } = greeter({ cache_examples: true });
    expect(calls).toEqual([]); // nothing runs while the app is built
    await app.startup();
    expect(calls).toEqual(["Ada", "Grace"]);

    // The file: under the working directory, named by the examples' id, with wire values.
    expect(handle.id).toMatch(/^greeter-\d+$/);
    expect(handle.cache!.file).toBe(join(workDir, ".vitrine", "cached_examples", handle.id, CACHE_FILE));
    const content = readCache(handle);
    expect(content).toEqual({
      key: handle.cache!.key,
      inputs: ["textbox", "number"],
      outputs: ["textbox"],
      examples: [["Hello AdaHello Ada"], ["Hello Grace"]],
    });

    // A click fills the inputs and the outputs at once.
    expect(await click(app, handle, 0)).toEqual(["Ada", 2, "Hello AdaHello Ada"]);
    expect(await click(app, handle, 1)).toEqual(["Grace", 1, "Hello Grace"]);
    expect(calls).toEqual(["Ada", "Grace"]);
    expect(handle.runEvent).toBeNull();
  });

  it("eager: the click endpoint is unqueued, named load_example and left off the API page", () => {
    const { app, handle } = greeter({ cache_examples: true });
    const config = app.config();
    const dep = config.dependencies[handle.loadInputEvent.id]!;
    const [name, times] = handle.inputs;
    expect(dep).toMatchObject({
      targets: [[handle.dataset.id, "click"]],
      inputs: [handle.dataset.id],
      outputs: [name!.id, times!.id, handle.outputs[0]!.id],
      api_name: "load_example",
      api_visibility: "undocumented",
      show_api: false,
      queue: false,
      show_progress: "hidden",
    });
    expect(app.dependencies[handle.loadInputEvent.id]!.options.postprocess).toBe(false);
    expect(app.apiInfo().named_endpoints).toEqual({});
    expect(config.dependencies).toHaveLength(1);
  });

  it("lazy: nothing runs at start; each example runs once, on its first click", async () => {
    const { app, calls, handle } = greeter({ cache_examples: "lazy" });
    await app.startup();
    expect(calls).toEqual([]);
    expect(existsSync(handle.cache!.file)).toBe(false);
    expect(app.config().dependencies[handle.loadInputEvent.id]).toMatchObject({ queue: true, api_name: "load_example" });

    expect(await click(app, handle, 1)).toEqual(["Grace", 1, "Hello Grace"]);
    expect(calls).toEqual(["Grace"]);
    expect(readCache(handle).examples).toEqual([null, ["Hello Grace"]]);
    expect(await click(app, handle, 1)).toEqual(["Grace", 1, "Hello Grace"]);
    expect(calls).toEqual(["Grace"]);
    expect(await click(app, handle, 0)).toEqual(["Ada", 2, "Hello AdaHello Ada"]);
    expect(calls).toEqual(["Grace", "Ada"]);
    expect(readCache(handle).examples).toEqual([["Hello AdaHello Ada"], ["Hello Grace"]]);
  });

  it("lazy: two clicks on the same example while it is computed run fn once", async () => {
    const { app, calls, handle } = greeter({ cache_examples: true, cache_mode: "lazy" });
    const [a, b] = await Promise.all([click(app, handle, 0), click(app, handle, 0)]);
    expect(a).toEqual(b);
    expect(calls).toEqual(["Ada"]);
  });

  it("reuses the cache after a restart, and computes again when the examples change", async () => {
    const first = greeter({ cache_examples: true });
    await first.app.startup();
    expect(first.calls).toHaveLength(2);

    // The same app built again (as a restarted process would): the file is read, fn never runs.
    const again = greeter({ cache_examples: true });
    expect(again.handle.id).toBe(first.handle.id);
    expect(again.handle.cache!.key).toBe(first.handle.cache!.key);
    await again.app.startup();
    expect(again.calls).toEqual([]);
    expect(await click(again.app, again.handle, 1)).toEqual(["Grace", 1, "Hello Grace"]);
    expect(again.calls).toEqual([]);

    // A lazily cached set reads it too.
    const lazy = greeter({ cache_examples: "lazy" });
    expect(await click(lazy.app, lazy.handle, 0)).toEqual(["Ada", 2, "Hello AdaHello Ada"]);
    expect(lazy.calls).toEqual([]);

    // Other examples: another key, so the stale file is replaced.
    const changed = greeter({ cache_examples: true, examples: [["Ada", 3]] });
    expect(changed.handle.cache!.key).not.toBe(first.handle.cache!.key);
    await changed.app.startup();
    expect(changed.calls).toEqual(["Ada"]);
    expect(readCache(changed.handle).examples).toEqual([["Hello AdaHello AdaHello Ada"]]);
  });

  it("reads a damaged cache file as empty", async () => {
    const first = greeter({ cache_examples: true });
    mkdirSync(first.handle.cache!.dir, { recursive: true });
    writeFileSync(first.handle.cache!.file, "{ not json");
    await first.app.startup();
    expect(first.calls).toHaveLength(2);
    expect(readCache(first.handle).key).toBe(first.handle.cache!.key);
  });

  it("VITRINE_EXAMPLES_CACHE moves the cache folder", async () => {
    const elsewhere = join(workDir, "elsewhere");
    process.env.VITRINE_EXAMPLES_CACHE = elsewhere;
    try {
      const { app, handle } = greeter({ cache_examples: true });
      await app.startup();
      expect(handle.cache!.file).toBe(join(elsewhere, handle.id, CACHE_FILE));
      expect(existsSync(handle.cache!.file)).toBe(true);
      expect(existsSync(join(workDir, ".vitrine"))).toBe(false);
    } finally {
      delete process.env.VITRINE_EXAMPLES_CACHE;
    }
  });

  it("a function that throws fails the start with a clear error", async () => {
    const { app } = greeter({
      cache_examples: true,
      fn: (name) => {
        if (name === "Grace") throw new Error("model not loaded");
        return name;
      },
    });
    const failure = app.startup();
    await expect(failure).rejects.toBeInstanceOf(StartupError);
    await expect(failure).rejects.toThrow('The app could not start: Examples "Examples": caching example 1 failed: model not loaded');
    await expect(app.startup()).rejects.toBeInstanceOf(StartupError); // the same failure, not a retry
  });

  it("caches the last value a generator yields, postprocessed", async () => {
    let handle!: ExamplesHandle;
    const app = Blocks(() => {
      const word = Textbox({ label: "Word" });
      const length = NumberField({ label: "Length", precision: 0 });
      handle = Examples({
        examples: ["abc"],
        inputs: word,
        outputs: [word, length],
        fn: function* (w) {
          yield [w, 0.2] as const;
          yield [w.toUpperCase(), w.length + 0.4] as const;
        },
        cache_examples: true,
      });
    });
    await app.startup();
    expect(handle.cache!.cached(0)).toEqual(["ABC", 3]);
    expect(await click(app, handle, 0)).toEqual(["abc", "ABC", 3]);
  });

  it("caches a batch function's outputs as batches of one", async () => {
    let handle!: ExamplesHandle;
    const batches: string[][] = [];
    const app = Blocks(() => {
      const word = Textbox({ label: "Word" });
      const upper = Textbox({ label: "Upper" });
      handle = Examples({
        examples: ["a", "b"],
        inputs: [word],
        outputs: [upper],
        fn: (words) => {
          batches.push(words);
          return [words.map((w) => w.toUpperCase())];
        },
        batch: true,
        cache_examples: true,
      });
    });
    await app.startup();
    expect(batches).toEqual([["a"], ["b"]]);
    expect(await click(app, handle, 1)).toEqual(["b", "B"]);
  });

  it("the key depends on the examples, the input and output types and fn, not on labels", () => {
    const name = Textbox({ label: "Name" });
    const renamed = Textbox({ label: "Another name" });
    const count = NumberField();
    const fn = (s: string) => s;
    const key = cacheKey([["Ada"]], [name], [name], fn);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey([["Ada"]], [renamed], [renamed], fn)).toBe(key);
    expect(cacheKey([["Ada"]], [name], [name], (s: string) => s)).toBe(key); // same source
    expect(cacheKey([["Grace"]], [name], [name], fn)).not.toBe(key);
    expect(cacheKey([["Ada"]], [name], [count], fn)).not.toBe(key);
    expect(cacheKey([["Ada"]], [name], [name], (s: string) => s.toUpperCase())).not.toBe(key);
  });

  it("checks its options", () => {
    const build = (props: Partial<ExamplesProps<never, never>>) =>
      Blocks(() => {
        const t = Textbox();
        Examples({ examples: ["a"], inputs: t, ...(props as object) } as ExamplesProps<typeof t>);
      });
    expect(() => build({ cache_examples: true })).toThrow("Examples: cache_examples needs fn and outputs");
    expect(() => build({ cache_examples: "sometimes" as "lazy" })).toThrow(TypeError);
    expect(() => build({ cache_examples: true, cache_mode: "never" as "lazy" })).toThrow('cache_mode must be "eager" or "lazy"');
    expect(() => build({ run_on_click: true })).toThrow("Examples: run_on_click needs fn");
  });
});

describe("examples from a folder", () => {
  it("reads log.csv: a header row, then one row per example, cells typed by their input", () => {
    const folder = join(workDir, "examples");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "log.csv"),
      ["Name,Times,Op,Greeting,flag", '"Lovelace, Ada",2,add,"Hello, ""Ada""",', "Grace,,sub,,", ""].join("\r\n"),
    );
    let handle!: ExamplesHandle;
    const app = Blocks(() => {
      const name = Textbox({ label: "Name" });
      const times = NumberField({ label: "Times" });
      const op = Radio({ choices: ["add", "sub"] });
      handle = Examples({ examples: "examples", inputs: [name, times, op] });
    });
    expect(handle.directory).toBe(folder);
    expect(handle.examples).toEqual([
      ["Lovelace, Ada", 2, "add"],
      ["Grace", null, "sub"],
    ]);
    const block = app.config().components.find((c) => c.id === handle.dataset.id)!;
    expect(block.props.samples).toEqual([
      ["Lovelace, Ada", 2, "add"],
      ["Grace", null, "sub"],
    ]);
  });

  it("caches the outputs of folder examples like any others", async () => {
    mkdirSync("examples");
    writeFileSync(join("examples", "log.csv"), "Name,Times\nAda,2\n");
    let handle!: ExamplesHandle;
    let calls = 0;
    const app = Blocks(() => {
      const name = Textbox({ label: "Name" });
      const times = NumberField({ label: "Times" });
      const out = Textbox();
      handle = Examples({
        examples: "examples",
        inputs: [name, times],
        outputs: out,
        fn: (n, t) => {
          calls++;
          return n.repeat(t ?? 1);
        },
        cache_examples: true,
      });
    });
    await app.startup();
    expect(calls).toBe(1);
    expect(await click(app, handle, 0)).toEqual(["Ada", 2, "AdaAda"]);
    expect(calls).toBe(1);
  });

  it("takes each file as an example for a single input without log.csv", () => {
    mkdirSync("texts");
    writeFileSync(join("texts", "b.txt"), "b");
    writeFileSync(join("texts", "a.txt"), "a");
    writeFileSync(join("texts", ".hidden"), "x");
    const text = Textbox({ render: false });
    const folder = readExamplesFolder("texts", [text]);
    expect(folder.rows).toEqual([[join(workDir, "texts", "a.txt")], [join(workDir, "texts", "b.txt")]]);
    expect(folder.headers).toBeNull();
  });

  it("explains what is wrong with a folder", () => {
    const a = Textbox({ label: "A", render: false });
    const n = NumberField({ label: "N", render: false });
    expect(() => readExamplesFolder("missing", [a])).toThrow('Examples: "missing" is not a folder');
    mkdirSync("two");
    expect(() => readExamplesFolder("two", [a, n])).toThrow("needs a log.csv");
    writeFileSync(join("two", "log.csv"), "A\nx\n");
    expect(() => readExamplesFolder("two", [a, n])).toThrow("has 1 columns but there are 2 inputs");
    writeFileSync(join("two", "log.csv"), "A,N\nx,three\n");
    expect(() => readExamplesFolder("two", [a, n])).toThrow('row 2, column "N": "three" is not a number');
    writeFileSync(join("two", "log.csv"), 'A,N\n"x,1\n');
    expect(() => readExamplesFolder("two", [a, n])).toThrow("is not valid CSV");
  });

  it("reads cells by the input's API type", () => {
    const text = Textbox({ render: false });
    const num = NumberField({ render: false });
    const numbers = Radio({ choices: [1, 2], render: false });
    expect(fromCell(text, "42")).toBe("42");
    expect(fromCell(text, "")).toBeNull();
    expect(fromCell(num, " 2.5 ")).toBe(2.5);
    expect(fromCell(numbers, "2")).toBe(2);
  });
});
