/** The gallery in headless chromium, as a user drives it. */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demos, startGallery, stream, type Gallery } from "@vitrine/demo-gallery";
import { launchBrowser } from "./browser.js";

describe("the gallery in a browser", () => {
  let gallery: Gallery;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    gallery = await startGallery(
      { ...demos, stream: { ...demos.stream!, create: () => stream({ delayMs: 250 }) } },
      { port: 0, quiet: true },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await gallery?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    pageErrors.length = 0;
    page.on("pageerror", (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it("lists the demos on the index page", async () => {
    await page.goto(gallery.url);
    for (const name of Object.keys(demos)) {
      await expect(page.getByRole("link", { name, exact: true }).getAttribute("href")).resolves.toBe(`./${name}/`);
    }
  });

  it("hello: type a name, click Submit, see the greeting", async () => {
    await page.goto(`${gallery.url}hello/`);
    await page.getByLabel("name").fill("Ada");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "greeting", "Hello, Ada!")).resolves.toBe("Hello, Ada!");
  });

  it("hello: clicking an example row fills the input", async () => {
    await page.goto(`${gallery.url}hello/`);
    await page.locator(".vt-dataset").getByText("Grace").click();
    await expect(waitForValue(page, "name", "Grace")).resolves.toBe("Grace");
  });

  it("calculator: dividing by zero shows the error message", async () => {
    await page.goto(`${gallery.url}calculator/`);
    await page.getByLabel("a", { exact: true }).fill("1");
    await page.getByRole("radio", { name: "divide" }).check();
    await page.getByLabel("b", { exact: true }).fill("0");
    await page.getByRole("button", { name: "Submit" }).click();
    const toast = page.getByRole("alert");
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toContain("Cannot divide by zero!");
  });

  it("calculator: a good division shows the result", async () => {
    await page.goto(`${gallery.url}calculator/`);
    await page.getByLabel("a", { exact: true }).fill("9");
    await page.getByRole("radio", { name: "divide" }).check();
    await page.getByLabel("b", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "result", "3")).resolves.toBe("3");
  });

  it("blocks: two buttons run two functions", async () => {
    await page.goto(`${gallery.url}blocks/`);
    await page.getByLabel("word").fill("ab");
    await page.getByRole("button", { name: "Repeat" }).click();
    await expect(waitForValue(page, "result", "ababab")).resolves.toBe("ababab");
    await page.getByRole("button", { name: "Reverse" }).click();
    await expect(waitForValue(page, "result", "ba")).resolves.toBe("ba");
  });

  it("stream: intermediate text shows before the final text, with a status while pending", async () => {
    await page.goto(`${gallery.url}stream/`);
    await page.getByLabel("text", { exact: true }).fill("alpha beta gamma delta");
    await page.getByRole("button", { name: "Submit" }).click();
    const seen: string[] = [];
    let statusSeen = false;
    const output = page.getByLabel("streamed");
    for (let i = 0; i < 200 && seen[seen.length - 1] !== "alpha beta gamma delta"; i++) {
      const value = await output.inputValue();
      if (value && value !== seen[seen.length - 1]) seen.push(value);
      if (!statusSeen) statusSeen = (await page.locator('[role="status"]').count()) > 0;
      await page.waitForTimeout(40);
    }
    expect(seen[0]).toBe("alpha");
    expect(seen).toContain("alpha beta");
    expect(seen[seen.length - 1]).toBe("alpha beta gamma delta");
    expect(statusSeen).toBe(true);
  });
});

/** Waits until the field labelled `label` holds `expected`; returns the last value seen. */
async function waitForValue(page: Page, label: string, expected: string, timeoutMs = 10_000): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  const deadline = Date.now() + timeoutMs;
  let value = "";
  while (Date.now() < deadline) {
    value = await field.inputValue();
    if (value === expected) return value;
    await page.waitForTimeout(50);
  }
  return value;
}
