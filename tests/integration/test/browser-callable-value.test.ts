/**
 * A component's `value` given as a function (Gradio's callable value), in headless chromium and
 * over the wire: re-run on each page load, `every` so many seconds, and when its `inputs` change;
 * a function that throws shows as its component's error while the rest of the page keeps working.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { liveValues } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { fieldValue, pollUntil, useBrowserSuite } from "./browser.js";
import { serveAtRoot } from "./harness.js";

/** The config the page loaded from, as the server serves it. */
type Config = {
  components: { id: number; type: string; props: Record<string, unknown> }[];
  dependencies: { api_name: string | null; targets: [number, string][]; show_progress: string }[];
};

async function pageConfig(page: Page): Promise<Config> {
  return page.evaluate(async () => (await fetch("config")).json());
}

/** The text of the summary Markdown (its block has `elem_id: "summary"`). */
function summary(page: Page): Promise<string> {
  return page.locator("#summary .vt-markdown").innerText();
}

describe("a value made by a function, in a browser", () => {
  const suite = useBrowserSuite({
    "live-values": { create: () => liveValues({ every: 1, failing: true }), description: "values made by functions" },
  });

  /** Opens the demo and waits until its load event has replaced the random number of the config; returns it. */
  async function loadedRandom(): Promise<string> {
    const page = await suite.open("live-values");
    const config = await pageConfig(page);
    const built = config.components.find((c) => c.props.label === "random")!.props.value;
    // The config holds the value drawn when the app was built (as in Gradio).
    expect(typeof built).toBe("number");
    const shown = await pollUntil(
      () => fieldValue(page, "random"),
      (v) => v !== "" && v !== String(built),
    );
    expect(shown).not.toBe(String(built));
    return shown;
  }

  it("draws a new random number on each page load", async () => {
    const first = await loadedRandom();
    const second = await loadedRandom();
    expect(first).toMatch(/^\d+$/);
    expect(second).toMatch(/^\d+$/);
    expect(second).not.toBe(first);
  });

  it("every: 1 — the clock changes within 2.5 s, through a hidden Timer placed beside it", async () => {
    const page = await suite.open("live-values");
    const config = await pageConfig(page);
    const clock = config.components.find((c) => c.props.label === "clock")!;
    const timer = config.components.find((c) => c.type === "timer")!;
    expect(timer.props.value).toBe(1);
    expect(config.dependencies.find((d) => d.targets.some(([id, event]) => id === timer.id && event === "tick"))).toMatchObject({
      show_progress: "hidden",
    });
    await expect(page.locator(".vt-type-timer").isVisible()).resolves.toBe(false);

    const start = await pollUntil(() => fieldValue(page, "clock"), (v) => /^\d\d:\d\d:\d\d$/.test(v));
    expect(start).toMatch(/^\d\d:\d\d:\d\d$/);
    const began = Date.now();
    const next = await pollUntil(() => fieldValue(page, "clock"), (v) => v !== start, 2500);
    expect(next).not.toBe(start);
    expect(next).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(Date.now() - began).toBeLessThan(2600);
    expect(clock.props.every).toBeUndefined();
  });

  it("inputs: the summary's function sees the slider's current value, on load and as it changes", async () => {
    const page = await suite.open("live-values");
    await expect(pollUntil(() => summary(page), (t) => t.startsWith("3 of 10"))).resolves.toMatch(/^3 of 10 ★★★☆/);
    const input = page.getByLabel("stars value", { exact: true });
    await input.fill("7");
    await input.press("Enter");
    await expect(pollUntil(() => summary(page), (t) => t.startsWith("7 of 10"))).resolves.toBe("7 of 10 ★★★★★★★☆☆☆");
    await input.fill("0");
    await input.press("Enter");
    await expect(pollUntil(() => summary(page), (t) => t.startsWith("0 of 10"))).resolves.toBe("0 of 10 ☆☆☆☆☆☆☆☆☆☆");
  });

  it("a function that throws: its box shows the error, the rest of the page works, and the server keeps serving", async () => {
    const page = await suite.open("live-values");
    const toast = page.locator('[data-testid="toast"][data-level="error"]');
    await toast.first().waitFor();
    await expect(toast.first().textContent()).resolves.toContain("The forecast service is down");
    // The error badge sits on the failing component's block, and only there.
    const config = await pageConfig(page);
    const forecast = config.components.find((c) => c.props.label === "forecast")!;
    await page.getByTestId(`block-${forecast.id}`).locator(".vt-status-error").waitFor();
    await expect(page.locator(".vt-status-error").count()).resolves.toBe(1);
    await expect(fieldValue(page, "forecast")).resolves.toBe("");

    // Everything else still runs: the slider drives the summary, the clock ticks.
    const input = page.getByLabel("stars value", { exact: true });
    await input.fill("5");
    await input.press("Enter");
    await expect(pollUntil(() => summary(page), (t) => t.startsWith("5 of 10"))).resolves.toMatch(/^5 of 10/);
    const clock = await pollUntil(() => fieldValue(page, "clock"), (v) => v !== "");
    await expect(pollUntil(() => fieldValue(page, "clock"), (v) => v !== clock, 2500)).resolves.not.toBe(clock);

    // And a reload is served as usual.
    await suite.open("live-values");
    await expect(pollUntil(() => summary(page), (t) => t.startsWith("3 of 10"))).resolves.toMatch(/^3 of 10/);
  });

  it("over the wire: each value function is an endpoint named after it (else lambda), called with its inputs", async () => {
    const client = await Client.connect(`${suite.url}live-values/`);
    try {
      const names = (client.config!.dependencies as unknown as { api_name: string | null }[]).map((d) => d.api_name);
      expect(names).toEqual(["lambda", "lambda_1", "summary", "lambda_2"]);
      const api = await client.view_api();
      expect(Object.keys(api.named_endpoints)).toEqual(expect.arrayContaining(["/lambda", "/lambda_1", "/summary", "/lambda_2"]));
      expect(api.named_endpoints["/summary"]!.parameters.map((p: { label: string }) => p.label)).toEqual(["stars"]);
      const result = await client.predict("/summary", [4]);
      expect((result.data as string[])[0]).toBe("**4 of 10** ★★★★☆☆☆☆☆☆");
      const [a, b] = await Promise.all([client.predict("/lambda_1", []), client.predict("/lambda_1", [])]);
      expect((a.data as number[])[0]).not.toBe((b.data as number[])[0]);
      await expect(client.predict("/lambda_2", [])).rejects.toMatchObject({ message: expect.stringContaining("The forecast service is down") });
    } finally {
      client.close();
    }
  });
});

describe("a value made by a function, on real components", () => {
  /** The config value of `component` in `app`. */
  const configValue = (app: vt.App, component: vt.AnyComponent) => app.config().components.find((c) => c.id === component.id)!.props.value;

  it("choice and picker components check the function's first result as they check a value, never the function", () => {
    let radio!: vt.AnyComponent, group!: vt.AnyComponent, dropdown!: vt.AnyComponent, color!: vt.AnyComponent, date!: vt.AnyComponent;
    const app = vt.Blocks(() => {
      radio = vt.Radio({ choices: ["a", "b", "c"], value: () => "b" });
      group = vt.CheckboxGroup({ choices: ["x", "y"], value: () => ["y"] });
      // Dropdown's props do not yet type a function value (see value-function.ts); it works all the same.
      dropdown = vt.Dropdown({ choices: ["p", "q"], value: (() => "q") as never });
      color = vt.ColorPicker({ value: () => "#ff0000" });
      date = vt.DateTime({ value: () => 1_700_000_000 });
      vt.Slider({ value: () => 4, minimum: 0, maximum: 10 });
    });
    expect(configValue(app, radio)).toBe("b");
    expect(configValue(app, group)).toEqual(["y"]);
    expect(configValue(app, dropdown)).toBe("q");
    expect(configValue(app, color)).toBe("#ff0000");
    expect(configValue(app, date)).toEqual(expect.any(String));
    expect(app.config().dependencies).toHaveLength(6);
    // A first result that is not a choice fails when the app is built, as that value would (and does not compile).
    // @ts-expect-error "z" is not a choice
    expect(() => vt.Blocks(() => void vt.Radio({ choices: ["a"], value: () => "z" }))).toThrow(/not one of the choices/);
  });

  it("an Image whose function returns a path: the file is copied into the cache for the config, and again on each load", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vitrine-callable-image-"));
    const path = join(dir, "red.png");
    await new Jimp({ width: 4, height: 3, color: 0xff0000ff }).write(path as `${string}.png`);
    let image!: vt.AnyComponent;
    const app = vt.Blocks(() => {
      image = vt.Image({ label: "picture", type: "filepath", value: () => path });
    });
    const served = await serveAtRoot(app);
    const client = await Client.connect(served.url);
    try {
      const shown = (client.config!.components as unknown as { id: number; props: { value: { url: string; path: string } | null } }[]).find(
        (c) => c.id === image.id,
      )!.props.value;
      expect(shown).toMatchObject({ url: expect.stringContaining("/file=") });
      expect(shown!.path).not.toBe(path);
      const served1 = Buffer.from(await (await fetch(shown!.url)).arrayBuffer());
      expect(served1.equals(readFileSync(path))).toBe(true);
      const result = await client.predict("/lambda", []);
      const file = (result.data as { url: string }[])[0]!;
      const served2 = Buffer.from(await (await fetch(file.url)).arrayBuffer());
      expect(served2.equals(readFileSync(path))).toBe(true);
    } finally {
      client.close();
      await served.close();
    }
  });
});
