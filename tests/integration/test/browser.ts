import { afterAll, afterEach, beforeAll, beforeEach, expect } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, type ChromiumOptions } from "@vitrine/component-test/chromium";
import { startGallery, type Gallery } from "@vitrine/demo-gallery";
import type { App } from "vitrine";

export { CHROMIUM, FAKE_MEDIA_ARGS } from "@vitrine/component-test/chromium";

/**
 * Starts headless chromium with the flags this machine needs and a fresh profile; `fakeMedia`
 * adds chromium's fake camera and microphone, `args` more flags (a test's own needs).
 */
export function launchBrowser(options: ChromiumOptions = {}): Promise<Browser> {
  return launchChromium(options);
}

/** A gallery served to a headless browser for one test file, with a fresh page per test. */
export interface BrowserSuite {
  /** The gallery's base URL (trailing slash). */
  readonly url: string;
  /** This test's page. */
  readonly page: Page;
  /** Uncaught errors the page threw during this test (checked empty after each test). */
  readonly pageErrors: string[];
  /**
   * Opens the demo `name` and waits until the app has rendered. If it does not, the error
   * says what the page shows and what went wrong on the way (console errors, failed requests).
   */
  open(name: string): Promise<Page>;
}

/**
 * Serves `entries` as a gallery and starts chromium around a test file; each test gets a fresh
 * browser context and page, and fails if the page threw an uncaught error.
 */
export function useBrowserSuite(
  entries: Record<string, { create: () => App; description: string }>,
  options: { fakeMedia?: boolean; args?: readonly string[] } = {},
): BrowserSuite {
  let gallery: Gallery | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const pageLog: string[] = [];
  beforeAll(async () => {
    gallery = await startGallery(entries, { port: 0, quiet: true });
    browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
    await gallery?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext();
    page = await context.newPage();
    pageErrors.length = 0;
    pageLog.length = 0;
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") pageLog.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on("requestfailed", (r) => pageLog.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => {
      if (r.status() >= 400) pageLog.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });
  return {
    get url() {
      return gallery!.url;
    },
    get page() {
      return page!;
    },
    pageErrors,
    async open(name: string) {
      const started = Date.now();
      await page!.goto(`${gallery!.url}${name}/`);
      try {
        await page!.locator("#vt-root .vt-app").waitFor({ timeout: 15_000 });
        // Every component's view has loaded (none shows its skeleton any more).
        await page!.waitForFunction(() => document.querySelectorAll('[data-testid="skeleton"]').length === 0, undefined, { timeout: 15_000 });
      } catch {
        const shown = await page!.locator("body").innerText().catch((e: Error) => `(unreadable: ${e.message})`);
        throw new Error(
          `The ${name} demo did not render in ${Date.now() - started} ms. The page shows: ${JSON.stringify(shown.slice(0, 500))}\n` +
            [...pageErrors, ...pageLog].join("\n"),
        );
      }
      return page!;
    },
  };
}

/** Polls `read` until `done(value)` holds or `timeoutMs` passes; returns the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    value = await read();
  }
  return value;
}

/** The value of the input or text area labelled `label` (exact match). */
export function fieldValue(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).inputValue();
}

/** Waits until the field labelled `label` holds `expected`; returns the last value seen. */
export function waitForValue(page: Page, label: string, expected: string, timeoutMs = 10_000): Promise<string> {
  return pollUntil(() => fieldValue(page, label), (v) => v === expected, timeoutMs);
}
