import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import * as vt from "./index.js";

// Each test runs in a fresh working directory, where `.vitrine/cached_examples/` is written.
const startDir = process.cwd();
let workDir: string;
beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), "vitrine-interface-examples-"));
  process.chdir(workDir);
});
afterEach(() => {
  process.chdir(startDir);
  rmSync(workDir, { recursive: true, force: true });
});

/** The examples' click dependency of an app (the one whose target is the dataset). */
function examplesClick(app: vt.App) {
  const dataset = app.blocks().find((b): b is vt.DatasetComponent => b instanceof vt.DatasetComponent)!;
  const dep = app.dependencies.find((d) => d.targets.some(([block]) => block === dataset))!;
  return { dataset, dep, run: (index: number) => Promise.resolve(dep.fn!(dataset.preprocess(index))) };
}

describe("Interface examples", () => {
  const make = (cache: Partial<Pick<vt.InterfaceOptions<vt.InterfaceComponents, vt.InterfaceComponents>, "cache_examples" | "cache_mode">>) => {
    const calls: string[] = [];
    const app = new vt.Interface({
      fn: (name: string, times: number) => {
        calls.push(name);
        return name.repeat(times);
      },
      inputs: ["text", vt.Number({ precision: 0 })],
      outputs: "text",
      examples: [["ab", 2], ["c", 3]],
      ...cache,
    });
    return { app, calls };
  };

  it("passes cache_examples on: outputs computed at start, a click fills inputs and outputs without fn", async () => {
    const { app, calls } = make({ cache_examples: true });
    await app.startup();
    expect(calls).toEqual(["ab", "c"]);
    const { dep, run } = examplesClick(app);
    expect(dep.outputs).toEqual([...app.inputComponents, ...app.outputComponents]);
    expect(dep.apiName).toBe("load_example");
    expect(await run(1)).toEqual(["c", 3, "ccc"]);
    expect(calls).toEqual(["ab", "c"]);
    // /predict is still the one endpoint on the API page.
    expect(Object.keys(app.apiInfo().named_endpoints)).toEqual(["/predict"]);
  });

  it("cache_mode lazy runs fn on an example's first click", async () => {
    const { app, calls } = make({ cache_examples: true, cache_mode: "lazy" });
    await app.startup();
    expect(calls).toEqual([]);
    const { run } = examplesClick(app);
    expect(await run(0)).toEqual(["ab", 2, "abab"]);
    expect(await run(0)).toEqual(["ab", 2, "abab"]);
    expect(calls).toEqual(["ab"]);
  });

  it("without cache_examples, a click only fills the inputs", async () => {
    const { app, calls } = make({});
    const { dep, run } = examplesClick(app);
    expect(dep.outputs).toEqual(app.inputComponents);
    expect(await run(1)).toEqual(["c", 3]);
    expect(calls).toEqual([]);
  });

  it("reads examples from a folder with a log.csv", () => {
    mkdirSync("examples");
    writeFileSync(join("examples", "log.csv"), "name,times,output,flag\nxy,2,xyxy,\n");
    const app = new vt.Interface({
      fn: (name: string, times: number) => name.repeat(times),
      inputs: ["text", vt.Number()],
      outputs: "text",
      examples: "examples",
    });
    const { dataset } = examplesClick(app);
    expect(dataset.samples).toEqual([["xy", 2]]);
  });
});
