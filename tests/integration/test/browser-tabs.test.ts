/**
 * Issue 7: with five tabs of one app open, the sixth tab's events hung and the seventh never
 * loaded: each page held its heartbeat stream open, and a browser allows six HTTP/1.1
 * connections per host. Pages now keep a WebSocket (the live channel) instead, and hold no
 * HTTP connection while idle; an event's `/queue/data` stream closes as soon as nothing is
 * pending. Twenty tabs of one app in one browser all load and run events.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demos, hello, startGallery } from "@vitrine/demo-gallery";
import { launchBrowser, waitForValue } from "./browser.js";

const TABS = 20;

/** Where the hello demo is served: mounted in the gallery (attachLiveChannel), or by launch(). */
const servings: [string, () => Promise<{ url: string; close(): Promise<void> }>][] = [
  [
    "mounted in the gallery",
    async () => {
      const gallery = await startGallery({ hello: demos.hello! }, { port: 0, quiet: true });
      return { url: `${gallery.url}hello/`, close: () => gallery.close() };
    },
  ],
  [
    "launched at the root",
    async () => {
      const app = hello();
      const { url } = await app.launch({ server_port: 0, quiet: true });
      return { url, close: () => app.close() };
    },
  ],
];

describe.each(servings)("twenty tabs of one app in one browser (%s)", (_name, serve) => {
  let served: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  /** Per page: the live channels it opened, its heartbeat requests, its /queue/data requests not finished. */
  const seen = new Map<Page, { sockets: string[]; heartbeats: number; openStreams: Set<unknown> }>();

  beforeAll(async () => {
    served = await serve();
    browser = await launchBrowser();
    // One context: its pages share one connection pool, as a browser's tabs do.
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await served?.close();
  });

  it("all load, one after the other, each keeping its live channel open", async () => {
    for (let i = 0; i < TABS; i++) {
      const page = await context.newPage();
      const record = { sockets: [] as string[], heartbeats: 0, openStreams: new Set<unknown>() };
      seen.set(page, record);
      page.on("pageerror", (err) => pageErrors.push(`tab ${i + 1}: ${err.message}`));
      page.on("websocket", (ws) => record.sockets.push(ws.url()));
      page.on("request", (req) => {
        if (req.url().includes("/gradio_api/heartbeat/")) record.heartbeats++;
        if (req.url().includes("/gradio_api/queue/data")) record.openStreams.add(req);
      });
      const done = (req: unknown) => record.openStreams.delete(req);
      page.on("requestfinished", done);
      page.on("requestfailed", done);
      pages.push(page);
      await page.goto(served.url, { timeout: 10_000 });
      await page.locator("#vt-root .vt-app").waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: "Submit" }).waitFor({ timeout: 10_000 });
    }
    // Every page opened its live channel, a WebSocket under the app's path.
    const path = new URL(served.url).pathname;
    for (const page of pages) {
      const record = seen.get(page)!;
      for (let t = 0; record.sockets.length === 0 && t < 200; t++) await page.waitForTimeout(25);
      expect(record.sockets).toHaveLength(1);
      expect(new URL(record.sockets[0]!).pathname).toMatch(new RegExp(`^${path}gradio_api/live/[a-z0-9]+$`));
      expect(record.heartbeats).toBe(0);
    }
    expect(pageErrors).toEqual([]);
  });

  it("each runs an event at the same time and shows its own result; every event stream then closes", async () => {
    expect(pages).toHaveLength(TABS);
    await Promise.all(
      pages.map(async (page, i) => {
        await page.getByLabel("name", { exact: true }).fill(`Tab ${i + 1}`);
        await page.getByRole("button", { name: "Submit" }).click();
      }),
    );
    const shown = await Promise.all(pages.map((page, i) => waitForValue(page, "greeting", `Hello, Tab ${i + 1}!`, 20_000)));
    expect(shown).toEqual(pages.map((_, i) => `Hello, Tab ${i + 1}!`));
    // No event is pending, so no page keeps a /queue/data stream open.
    for (const page of pages) {
      const record = seen.get(page)!;
      for (let t = 0; record.openStreams.size > 0 && t < 200; t++) await page.waitForTimeout(25);
      expect(record.openStreams.size).toBe(0);
    }
    expect(pageErrors).toEqual([]);
  });

  it("and keep working: a second round of events on every tab", async () => {
    await Promise.all(
      pages.map(async (page, i) => {
        await page.getByLabel("name", { exact: true }).fill(`again ${i + 1}`);
        await page.getByRole("button", { name: "Submit" }).click();
      }),
    );
    const shown = await Promise.all(pages.map((page, i) => waitForValue(page, "greeting", `Hello, again ${i + 1}!`, 20_000)));
    expect(shown).toEqual(pages.map((_, i) => `Hello, again ${i + 1}!`));
    expect(pageErrors).toEqual([]);
  });
});
