/**
 * The docs site as a reader meets it (issue 13): built from the repository into a temporary
 * folder, served with the gallery's demos by the docs server on a free port, and visited page by
 * page in headless chromium. Every page renders with no console error, uncaught error, failed
 * request, HTTP error or request to another origin (its live demo's frame included, so the site
 * works offline); every internal link and `#anchor`
 * resolves; every live demo renders in its frame and its config answers; the Textbox page's
 * demo greets through the page; the search box finds a component.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { launchChromium } from "@vitrine/component-test/chromium";
import { buildSite, defaultPaths, type SiteManifest } from "../src/site.js";
import { startDocsServer, type DocsServer } from "../src/server.js";

let outDir: string;
let manifest: SiteManifest;
let server: DocsServer;
let browser: Browser;
let context: BrowserContext;

/** What one visit saw: problems, the same-origin links and anchors it holds, and its ids. */
interface Visit {
  problems: string[];
  links: string[];
  ids: string[];
}

const visits = new Map<string, Visit>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "vitrine-docs-"));
  manifest = await buildSite({ ...defaultPaths(), outDir });
  server = await startDocsServer({ distDir: outDir, port: 0, quiet: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** The demo frame of a page, once its app has rendered (every component's view loaded). */
async function renderedDemo(page: Page, name: string): Promise<Frame> {
  const handle = await page.locator("iframe.demo-frame").elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`The ${name} demo's frame has no document`);
  await frame.locator("#vt-root .vt-app").waitFor({ timeout: 20_000 });
  await frame.waitForFunction(() => document.querySelectorAll('[data-testid="skeleton"]').length === 0, undefined, { timeout: 20_000 });
  return frame;
}

/** Opens a page, waits for it (and its demo) to render, and records what went wrong on the way. */
async function visit(path: string, demo: string | null): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  };
  const onPageError = (e: Error) => problems.push(`uncaught: ${e.message}`);
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) => {
    // A demo's app closes its own event stream once its event is done (the client aborts the
    // fetch); any other failed request, or this one failing otherwise, is a problem.
    if (r.failure()?.errorText === "net::ERR_ABORTED" && /\/gradio_api\/queue\/data\?/.test(r.url())) return;
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  };
  const onResponse = (r: { url(): string; status(): number }) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  // Offline once built: nothing is fetched from another origin (no CDN, no web font).
  const origin = new URL(server.url).origin;
  const onRequest = (r: { url(): string }) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && url.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  };
  page.on("request", onRequest);
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  try {
    const response = await page.goto(server.url + path, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    if (demo) {
      try {
        await renderedDemo(page, demo);
      } catch (err) {
        problems.push(`the ${demo} demo did not render: ${(err as Error).message.split("\n")[0]}`);
      }
    }
    const found = await page.evaluate(() => ({
      links: [...document.querySelectorAll<HTMLElement>("[href], [src]")].map((el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src).filter(Boolean),
      ids: [...document.querySelectorAll("[id]")].map((el) => el.id),
    }));
    return { problems, links: found.links.filter((l) => new URL(l).origin === origin), ids: found.ids };
  } finally {
    // Stop listening before the page goes: closing it aborts its demo's open connections.
    page.off("request", onRequest);
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("requestfailed", onFailed);
    page.off("response", onResponse);
    await page.close();
  }
}

describe("the docs site", () => {
  it("has a page per component, layout and helper, the guides and the client's API", () => {
    const paths = manifest.pages.map((p) => p.path);
    for (const expected of ["index.html", "components/textbox.html", "components/nativeplot.html", "layouts/row.html", "layouts/tabs.html", "helpers/state.html", "helpers/progress.html", "helpers/request.html", "helpers/events.html", "helpers/examples.html", "guides/getting-started.html", "client.html"]) {
      expect(paths).toContain(expected);
    }
    expect(manifest.pages.filter((p) => p.demo).length).toBeGreaterThan(40);
  });

  it("renders every page in chromium with no console error, failed request, HTTP error or outside request, demos included", async () => {
    const failures: string[] = [];
    for (const page of manifest.pages) {
      const seen = await visit(page.path, page.demo);
      visits.set(page.path, seen);
      failures.push(...seen.problems.map((p) => `${page.path}: ${p}`));
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("has no broken link: every internal href and src answers 200, and every #anchor exists", async () => {
    expect(visits.size).toBe(manifest.pages.length);
    const targets = new Set<string>();
    const broken: string[] = [];
    for (const [path, seen] of visits) {
      for (const link of seen.links) {
        const url = new URL(link);
        const target = url.pathname.replace(/^\//, "");
        if (url.hash) {
          const onPage = visits.get(target === "" ? "index.html" : target);
          if (onPage && !onPage.ids.includes(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path} → ${link}: no such anchor`);
        }
        url.hash = "";
        targets.add(url.href);
      }
    }
    for (const target of targets) {
      const response = await fetch(target);
      await response.arrayBuffer();
      if (response.status !== 200) broken.push(`${target}: HTTP ${response.status}`);
    }
    expect(targets.size).toBeGreaterThan(manifest.pages.length);
    expect(broken).toEqual([]);
  }, 300_000);

  it("answers every live demo's config", async () => {
    const demos = [...new Set(manifest.pages.map((p) => p.demo).filter((d): d is string => d !== null))];
    for (const name of demos) {
      const response = await fetch(`${server.url}demos/${name}/config`);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      const config = (await response.json()) as { components: unknown[]; dependencies: unknown[] };
      expect(config.components.length).toBeGreaterThan(0);
    }
  });

  it("shows the Textbox page's demo source and runs it: a name typed in its frame comes back as a greeting", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}components/textbox.html`);
      // The source shown is the very file the gallery runs.
      const shown = await page.locator("details.source pre").innerText();
      expect(shown.trim()).toBe(readFileSync(join(defaultPaths().repo, "apps", "gallery", "src", "demos", "hello.ts"), "utf8").trim());
      const frame = await renderedDemo(page, "hello");
      await frame.getByLabel("name", { exact: true }).fill("Docs");
      await frame.getByRole("button", { name: "Submit" }).click();
      const greeting = frame.getByLabel("greeting", { exact: true });
      await frame.waitForFunction((el) => (el as HTMLTextAreaElement).value === "Hello, Docs!", await greeting.elementHandle(), { timeout: 15_000 });
      expect(await greeting.inputValue()).toBe("Hello, Docs!");
    } finally {
      await page.close();
    }
  });

  it("finds a component with the search box, offline from the built index", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}index.html`);
      await page.locator("#search").fill("slider");
      const first = page.locator("#search-results a").first();
      await first.waitFor({ timeout: 10_000 });
      expect(await first.getAttribute("href")).toBe("components/slider.html");
      await page.locator("#search").press("Enter");
      await page.waitForURL(/search\.html\?q=slider/);
      await page.locator("#search-page-results a").first().waitFor({ timeout: 10_000 });
      expect(await page.locator("#search-status").innerText()).toMatch(/pages? match/);
    } finally {
      await page.close();
    }
  });
});
