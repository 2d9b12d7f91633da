/**
 * Cached examples over the wire (issue 7), with Gradio's official client: the examples' endpoint
 * answers from the cache, by API name or by fn_index, without calling the function; lazily
 * cached examples run it once; the cache survives a restart; a function that fails while caching
 * fails `launch()`.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { examples } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { servings, serveAtRoot, type Served } from "./harness.js";

/** A dependency as the app's config lists it (the part these tests read). */
type DependencyInfo = { id: number; api_name: string | null; queue: boolean | null };

/** The config's entry for the endpoint named `name`. */
function dependencyNamed(client: Client, name: string): DependencyInfo {
  const found = (client.config!.dependencies as unknown as DependencyInfo[]).find((d) => d.api_name === name);
  if (!found) throw new Error(`No dependency named ${name}`);
  return found;
}

/** How often the demo's functions ran, as its `/count_runs` endpoint says. */
async function runs(client: Client): Promise<number> {
  const result = await client.predict("/count_runs", []);
  return (result.data as number[])[0]!;
}

describe.each(servings)("cached examples through @gradio/client, %s", (_name, serve) => {
  let served: Served;
  let cacheRoot: string;
  beforeAll(async () => {
    // A fresh cache for each serving, so that the eager examples are computed here.
    cacheRoot = mkdtempSync(join(tmpdir(), "vitrine-examples-wire-"));
    process.env.VITRINE_EXAMPLES_CACHE = cacheRoot;
    served = await serve(examples({ delayMs: 50 }));
  });
  afterAll(async () => {
    await served.close();
    delete process.env.VITRINE_EXAMPLES_CACHE;
  });

  it("the cached examples' endpoint answers from the cache, by API name and by fn_index, without calling fn", async () => {
    const client = await Client.connect(served.url);
    const load = await client.predict("/load_example", [1]);
    expect(load.data).toEqual(["Grace", 2, "Hello, Grace! Hello, Grace!"]);
    // The five eager examples ran once each, at start; the call above ran nothing.
    expect(await runs(client)).toBe(5);

    const fnIndex = dependencyNamed(client, "load_example").id;
    const byIndex = await client.predict(fnIndex, [4]);
    expect(byIndex.data).toEqual(["Edsger", 2, "Hello, Edsger! Hello, Edsger!"]);
    expect(await runs(client)).toBe(5);

    // Callable, but not listed with the app's API.
    expect(Object.keys((await client.view_api()).named_endpoints).sort()).toEqual(["/count_runs", "/greet"]);
    // The cache file is under the cache root, one folder per set of examples.
    expect(readdirSync(cacheRoot)).toHaveLength(1);
  });

  it("lazily cached examples run fn on the first call of each example only (through the queue)", async () => {
    const client = await Client.connect(served.url);
    const dep = dependencyNamed(client, "load_example_1");
    expect(dep.queue).toBe(true);
    const before = await runs(client);
    expect((await client.predict("/load_example_1", [0])).data).toEqual(["stressed", "desserts"]);
    expect(await runs(client)).toBe(before + 1);
    expect((await client.predict("/load_example_1", [0])).data).toEqual(["stressed", "desserts"]);
    expect(await runs(client)).toBe(before + 1);
    expect(readdirSync(cacheRoot)).toHaveLength(2);
  });
});

describe("cached examples across a restart", () => {
  it("a restarted app reads the cache and never calls fn", async () => {
    process.env.VITRINE_EXAMPLES_CACHE = mkdtempSync(join(tmpdir(), "vitrine-examples-restart-"));
    try {
      const first = await serveAtRoot(examples());
      const firstClient = await Client.connect(first.url);
      expect(await runs(firstClient)).toBe(5);
      await first.close();

      const again = await serveAtRoot(examples());
      try {
        const client = await Client.connect(again.url);
        expect(await runs(client)).toBe(0);
        expect((await client.predict("/load_example", [0])).data).toEqual(["Ada", 1, "Hello, Ada!"]);
        expect(await runs(client)).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      delete process.env.VITRINE_EXAMPLES_CACHE;
    }
  });

  it("a function that fails while caching fails launch() with a clear error", async () => {
    process.env.VITRINE_EXAMPLES_CACHE = mkdtempSync(join(tmpdir(), "vitrine-examples-fail-"));
    try {
      const app = vt.Blocks(() => {
        const text = vt.Textbox({ label: "Text" });
        const out = vt.Textbox({ label: "Out" });
        vt.Examples({
          examples: ["fine", "broken"],
          inputs: text,
          outputs: out,
          fn: (t: string) => {
            if (t === "broken") throw new Error("cannot handle broken");
            return t;
          },
          cache_examples: true,
          label: "Words",
        });
      });
      await expect(app.launch({ server_port: 0, quiet: true })).rejects.toThrow(
        'The app could not start: Examples "Words": caching example 1 failed: cannot handle broken',
      );
    } finally {
      delete process.env.VITRINE_EXAMPLES_CACHE;
    }
  });
});
