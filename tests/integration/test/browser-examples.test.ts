/**
 * Examples in headless chromium (issue 7): a cached example fills the inputs and the outputs in
 * one request without running the function, a lazily cached one runs it on its first click only,
 * run_on_click runs it every time, and the examples are paged and fit a phone's width (a
 * screenshot goes to test-output/examples-375.png).
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { demos, examples } from "@vitrine/demo-gallery";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

// The demo's cache goes to a fresh folder: its eager examples are computed when it is mounted.
process.env.VITRINE_EXAMPLES_CACHE = mkdtempSync(join(tmpdir(), "vitrine-examples-cache-"));

/** Asks the app how often its functions ran ("Count runs"); the field shows the answer. */
async function runs(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/run/count_runs")),
    page.getByRole("button", { name: "Count runs" }).click(),
  ]);
  const count = ((await response.json()) as { data: [number] }).data[0];
  await expect(waitForValue(page, "Function runs", String(count))).resolves.toBe(String(count));
  return count;
}

/** The requests the page makes while `action` runs (their paths). */
async function requestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (r: { url(): string }) => seen.push(new URL(r.url()).pathname);
  page.on("request", listener);
  try {
    await action();
  } finally {
    page.off("request", listener);
  }
  return seen;
}

describe("examples in a browser", () => {
  const suite = useBrowserSuite({
    examples: { ...demos.examples!, create: () => examples({ delayMs: 300 }) },
    previews: { create: previewsDemo, description: "examples shown by each component's example view" },
  });

  it("a cached example fills the inputs and the output at once, without running the function", async () => {
    const { page } = suite;
    await suite.open("examples");
    const before = await runs(page);

    const requests = await requestsDuring(page, async () => {
      await page.getByRole("button", { name: "Cached greetings 2: Grace, 2" }).click();
      await expect(waitForValue(page, "Greeting", "Hello, Grace! Hello, Grace!")).resolves.toBe("Hello, Grace! Hello, Grace!");
    });
    await expect(fieldValue(page, "Name")).resolves.toBe("Grace");
    await expect(fieldValue(page, "Times")).resolves.toBe("2");
    // One round trip: the cached endpoint, answered outside the queue.
    expect(requests.filter((p) => p.includes("/gradio_api/"))).toEqual(["/examples/gradio_api/run/load_example"]);
    expect(await runs(page)).toBe(before);
  });

  it("pages through the examples", async () => {
    const { page } = suite;
    await suite.open("examples");
    const pages = page.getByRole("navigation", { name: "Cached greetings pages" });
    await expect(page.getByRole("button", { name: /^Cached greetings 4:/ }).count()).resolves.toBe(0);
    await pages.getByRole("button", { name: "2" }).click();
    await page.getByRole("button", { name: "Cached greetings 5: Edsger, 2" }).click();
    await expect(waitForValue(page, "Greeting", "Hello, Edsger! Hello, Edsger!")).resolves.toBe("Hello, Edsger! Hello, Edsger!");
    await expect(fieldValue(page, "Name")).resolves.toBe("Edsger");
  });

  it("a lazily cached example runs the function on its first click only", async () => {
    const { page } = suite;
    await suite.open("examples");
    const before = await runs(page);
    await page.getByRole("button", { name: "Lazily cached 2: drawer" }).click();
    await expect(waitForValue(page, "Reversed", "reward")).resolves.toBe("reward");
    await expect(fieldValue(page, "Text")).resolves.toBe("drawer");
    expect(await runs(page)).toBe(before + 1);

    await page.getByRole("button", { name: "Lazily cached 1: stressed" }).click();
    await expect(waitForValue(page, "Reversed", "desserts")).resolves.toBe("desserts");
    expect(await runs(page)).toBe(before + 2);
    await page.getByRole("button", { name: "Lazily cached 2: drawer" }).click();
    await expect(waitForValue(page, "Reversed", "reward")).resolves.toBe("reward");
    expect(await runs(page)).toBe(before + 2);
  });

  it("run_on_click fills the inputs, then runs the function, every time", async () => {
    const { page } = suite;
    await suite.open("examples");
    const before = await runs(page);
    await page.getByRole("button", { name: "Sums 2: 20, 22" }).click();
    await expect(waitForValue(page, "a + b", "42")).resolves.toBe("42");
    await expect(fieldValue(page, "a")).resolves.toBe("20");
    await expect(fieldValue(page, "b")).resolves.toBe("22");
    await page.getByRole("button", { name: "Sums 3: -5, 5" }).click();
    await expect(waitForValue(page, "a + b", "0")).resolves.toBe("0");
    expect(await runs(page)).toBe(before + 2);
  });

  it("fits a 375 px wide screen", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    await suite.open("examples");
    // Measured once the layout has settled (fonts and views loaded).
    const widths = await pollUntil(
      () =>
        page.evaluate(() => ({
          doc: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
          view: document.documentElement.clientWidth,
        })),
      (w) => w.doc <= w.view && w.body <= w.view,
      3_000,
    );
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    expect(widths.body).toBeLessThanOrEqual(widths.view);
    await page.getByRole("button", { name: "Lazily cached 3: Was it a car or a cat I saw?" }).click();
    await expect(waitForValue(page, "Reversed", "?was I tac a ro rac a ti saW")).resolves.toBe("?was I tac a ro rac a ti saW");
    await page.screenshot({ path: fileURLToPath(new URL("../test-output/examples-375.png", import.meta.url)), fullPage: true });
  });

  it("shows each sample with its component's example view: an image thumbnail from the cache, a tick, a choice's label", async () => {
    const { page } = suite;
    await suite.open("previews");
    const table = page.locator(".vt-type-dataset");
    const thumb = table.locator("img.vt-example-thumb").first();
    await thumb.waitFor();
    // The thumbnail really loaded: the server copied the example file into its cache when it started.
    await pollUntil(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), (w) => w > 0, 5_000);
    await expect(thumb.getAttribute("src")).resolves.toMatch(/\/gradio_api\/file=/);
    await expect(table.locator(".vt-example-text").allTextContents()).resolves.toEqual(["✓", "Large", "✗", "Small"]);
    // Choosing a sample still fills the inputs.
    await table.getByRole("button").first().click();
    await page.locator(".vt-type-image img").first().waitFor();
  });
});

/** Image, Checkbox and Radio inputs with two examples, for the example views. */
function previewsDemo() {
  return vt.Blocks(() => {
    const image = vt.Image({ label: "Picture", type: "filepath" });
    const flag = vt.Checkbox({ label: "Flag" });
    const size = vt.Radio({ label: "Size", choices: [["Large", "l"], ["Small", "s"]] });
    // Example files must lie where the app may return files from: the temp folder here.
    const picture = join(mkdtempSync(join(tmpdir(), "vitrine-previews-")), "picture.png");
    copyFileSync(vt.EXAMPLE_IMAGE_PATH, picture);
    vt.Examples({ examples: [[picture, true, "l"], [picture, false, "s"]], inputs: [image, flag, size], label: "Samples" });
  });
}
