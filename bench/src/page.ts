/**
 * The page scenario: what a browser downloads to show the gallery's `hello` demo, and how
 * soon it can be used. Cold loads (a fresh browser context each: empty cache) in headless
 * Debian chromium driven by playwright-core:
 *
 * - **weight**: every response's body as transferred (encoded, from playwright's
 *   `request.sizes()`, i.e. CDP's `encodedDataLength` minus the headers) and decoded (the body's
 *   length), by kind (JavaScript, CSS, HTML, other), and each script's share;
 * - **time to interactive**: `performance.now()` in the page (0 = navigation start) when
 *   `.vt-app` is rendered and the textbox and the Submit button are enabled;
 * - **time to first greeting**: then the name is typed and Submit clicked (by playwright, as a
 *   user), until the greeting is shown (checked each animation frame); and click → greeting.
 *
 * The same loads also run on an emulated slower link (CDP `Network.emulateNetworkConditions`),
 * where the bytes count.
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "@vitrine/component-test/chromium";
import { summarize, type Summary } from "./stats.js";

/** The page scenario's parameters. */
export interface PageScenario {
  kind: "page";
  name: string;
  /** Gallery demo served (`hello`). */
  demo: string;
  /** Cold loads measured (the table shows medians). */
  loads: number;
  /** Cold loads before, not measured (the browser's own first-use costs). */
  warmup: number;
  /** Cold loads on the emulated link (0: none). */
  throttledLoads: number;
  /** The emulated link: download and upload in kbit/s, and added round-trip latency in ms. */
  link: { downKbps: number; upKbps: number; latencyMs: number };
}

/** Bytes of one kind of response, summed over one cold load. */
export interface Weight {
  requests: number;
  /** Bodies as transferred (compressed when the server compressed them). */
  transferred: number;
  /** Response headers. */
  headers: number;
  /** Bodies decoded. */
  decoded: number;
  /** The decoded bodies compressed with gzip -9 here: what a gzip-only client would download. */
  gzip9: number;
  /** `Content-Encoding`s seen (`identity` when none) → responses. */
  encodings: Record<string, number>;
}

/** One script of the page. */
export interface ScriptFile {
  path: string;
  encoding: string;
  transferred: number;
  decoded: number;
  gzip9: number;
}

export interface PageResult {
  kind: "page";
  /** Weight by kind, from the first measured load (every cold load downloads the same). */
  weight: { js: Weight; css: Weight; html: Weight; other: Weight; all: Weight };
  scripts: ScriptFile[];
  /** Navigation → app rendered with its textbox and Submit enabled, ms. */
  interactive: Summary;
  /** Navigation → greeting shown, after typing the name and clicking Submit, ms. */
  greeting: Summary;
  /** Click on Submit → greeting shown, ms. */
  clickToGreeting: Summary;
  /** The same on the emulated link. */
  throttled: { interactive: Summary; greeting: Summary } | null;
  /** What the browser asked for (its Accept-Encoding), to read the encodings above. */
  acceptEncoding: string | null;
  /** Loads that failed, by reason. */
  errors: Record<string, number>;
}

/**
 * Runs in the page before its own scripts: records in `window.__vtBench` when the app becomes
 * interactive (a DOM observer), when Submit is clicked, and when the greeting shows (checked
 * every animation frame once interactive).
 */
function pageProbe(greeting: string): void {
  const w = window as unknown as { __vtBench: { interactive?: number; click?: number; greeting?: number } };
  const state: { interactive?: number; click?: number; greeting?: number } = {};
  w.__vtBench = state;
  const app = () => document.querySelector("#vt-root .vt-app");
  const submit = (root: Element) =>
    [...root.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Submit") as HTMLButtonElement | undefined;
  const fields = (root: Element) => [...root.querySelectorAll("input, textarea")] as (HTMLInputElement | HTMLTextAreaElement)[];
  const watchGreeting = () => {
    const root = app();
    if (root && fields(root).some((f) => f.value === greeting)) {
      state.greeting = performance.now();
      return;
    }
    requestAnimationFrame(watchGreeting);
  };
  const check = () => {
    if (state.interactive !== undefined) return;
    const root = app();
    if (!root) return;
    const field = fields(root)[0];
    const button = submit(root);
    if (field && !field.disabled && !field.readOnly && button && !button.disabled) {
      state.interactive = performance.now();
      observer.disconnect();
      requestAnimationFrame(watchGreeting);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener(
    "click",
    (e) => {
      if (state.click === undefined && (e.target as Element | null)?.closest?.("button")?.textContent?.trim() === "Submit") {
        state.click = performance.now();
      }
    },
    true,
  );
}

interface LoadOutcome {
  interactive: number;
  greeting: number;
  click: number;
  responses: { url: string; contentType: string; encoding: string; transferred: number; headers: number; body: Buffer }[];
  acceptEncoding: string | null;
}

const NAME = "Ada";
const GREETING = `Hello, ${NAME}!`;

/** One cold load in a fresh context: waits for the greeting, returns the times and the responses. */
async function coldLoad(browser: Browser, url: string, link: PageScenario["link"] | null, timeoutMs: number): Promise<LoadOutcome> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(pageProbe, GREETING);
    const page = await context.newPage();
    if (link) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: link.latencyMs,
        downloadThroughput: (link.downKbps * 1000) / 8,
        uploadThroughput: (link.upKbps * 1000) / 8,
      });
    }
    const pending: Promise<LoadOutcome["responses"][number] | null>[] = [];
    let acceptEncoding: string | null = null;
    page.on("requestfinished", (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return null;
          if (request.isNavigationRequest()) acceptEncoding = (await request.allHeaders())["accept-encoding"] ?? null;
          const [sizes, headers, body] = await Promise.all([request.sizes(), response.allHeaders(), response.body().catch(() => Buffer.alloc(0))]);
          return {
            url: request.url(),
            contentType: headers["content-type"] ?? "",
            encoding: headers["content-encoding"] ?? "identity",
            transferred: sizes.responseBodySize,
            headers: sizes.responseHeadersSize,
            body,
          };
        })().catch(() => null),
      );
    });
    await page.goto(url, { timeout: timeoutMs });
    const probe = () => page.evaluate(() => (window as unknown as { __vtBench: Record<string, number> }).__vtBench);
    await page.waitForFunction(() => (window as unknown as { __vtBench?: { interactive?: number } }).__vtBench?.interactive !== undefined, null, {
      timeout: timeoutMs,
      polling: 10,
    });
    await fillAndSubmit(page, timeoutMs);
    await page.waitForFunction(() => (window as unknown as { __vtBench?: { greeting?: number } }).__vtBench?.greeting !== undefined, null, {
      timeout: timeoutMs,
      polling: 10,
    });
    const times = await probe();
    const responses = (await Promise.all(pending)).filter((r) => r !== null);
    return { interactive: times.interactive!, greeting: times.greeting!, click: times.click!, responses, acceptEncoding };
  } finally {
    await context.close();
  }
}

async function fillAndSubmit(page: Page, timeoutMs: number): Promise<void> {
  await page.getByLabel("name", { exact: true }).fill(NAME, { timeout: timeoutMs });
  await page.getByRole("button", { name: "Submit" }).click({ timeout: timeoutMs });
}

const kindOf = (contentType: string): "js" | "css" | "html" | "other" =>
  /javascript/.test(contentType) ? "js" : /text\/css/.test(contentType) ? "css" : /text\/html/.test(contentType) ? "html" : "other";

function weigh(responses: LoadOutcome["responses"], base: string): { weight: PageResult["weight"]; scripts: ScriptFile[] } {
  const empty = (): Weight => ({ requests: 0, transferred: 0, headers: 0, decoded: 0, gzip9: 0, encodings: {} });
  const weight = { js: empty(), css: empty(), html: empty(), other: empty(), all: empty() };
  const scripts: ScriptFile[] = [];
  for (const r of responses) {
    // Event streams (heartbeat, queue data) are not part of the page's weight.
    if (/text\/event-stream/.test(r.contentType)) continue;
    const gzip9 = r.body.length ? gzipSync(r.body, { level: 9 }).length : 0;
    for (const w of [weight[kindOf(r.contentType)], weight.all]) {
      w.requests++;
      w.transferred += r.transferred;
      w.headers += r.headers;
      w.decoded += r.body.length;
      w.gzip9 += gzip9;
      w.encodings[r.encoding] = (w.encodings[r.encoding] ?? 0) + 1;
    }
    if (kindOf(r.contentType) === "js") {
      const path = r.url.startsWith(base) ? r.url.slice(base.length) : r.url;
      scripts.push({ path, encoding: r.encoding, transferred: r.transferred, decoded: r.body.length, gzip9 });
    }
  }
  scripts.sort((a, b) => b.decoded - a.decoded);
  return { weight, scripts };
}

/** Runs the page scenario against the demo at `url` (its trailing slash included). */
export async function measurePage(url: string, s: PageScenario, timeoutMs = 30_000): Promise<PageResult> {
  const browser = await launchChromium();
  const errors: Record<string, number> = {};
  const interactive: number[] = [];
  const greeting: number[] = [];
  const clickToGreeting: number[] = [];
  const throttledInteractive: number[] = [];
  const throttledGreeting: number[] = [];
  let first: LoadOutcome | null = null;
  const attempt = async (link: PageScenario["link"] | null): Promise<LoadOutcome | null> => {
    try {
      return await coldLoad(browser, url, link, timeoutMs);
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 160);
      errors[reason] = (errors[reason] ?? 0) + 1;
      return null;
    }
  };
  try {
    for (let i = 0; i < s.warmup; i++) await attempt(null);
    for (let i = 0; i < s.loads; i++) {
      const load = await attempt(null);
      if (!load) continue;
      first ??= load;
      interactive.push(load.interactive);
      greeting.push(load.greeting);
      clickToGreeting.push(load.greeting - load.click);
    }
    for (let i = 0; i < s.throttledLoads; i++) {
      const load = await attempt(s.link);
      if (!load) continue;
      throttledInteractive.push(load.interactive);
      throttledGreeting.push(load.greeting);
    }
  } finally {
    await browser.close();
  }
  const { weight, scripts } = weigh(first?.responses ?? [], url);
  return {
    kind: "page",
    weight,
    scripts,
    interactive: summarize(interactive),
    greeting: summarize(greeting),
    clickToGreeting: summarize(clickToGreeting),
    throttled: s.throttledLoads > 0 ? { interactive: summarize(throttledInteractive), greeting: summarize(throttledGreeting) } : null,
    acceptEncoding: first?.acceptEncoding ?? null,
    errors,
  };
}

/** The page scenario, full or quick. */
export function pageScenario(quick: boolean): PageScenario {
  // A "4G"-like link: 10 Mbit/s down, 5 up, 40 ms more per round trip.
  const link = { downKbps: 10_000, upKbps: 5_000, latencyMs: 40 };
  return quick
    ? { kind: "page", name: "page", demo: "hello", loads: 2, warmup: 1, throttledLoads: 1, link }
    : { kind: "page", name: "page", demo: "hello", loads: 5, warmup: 1, throttledLoads: 5, link };
}

/** Markdown table of the page's scripts, compressed run next to the uncompressed one. */
export function scriptTable(compressed: PageResult | undefined, plain: PageResult | undefined): string {
  const kb = (n: number | undefined) => (n === undefined ? "—" : (n / 1024).toFixed(1));
  // Matched by name without vite's hash: a rebuild between the two runs changes hashes only.
  const key = (path: string) => path.replace(/-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, "$1");
  const rows = new Map<string, { c?: ScriptFile; p?: ScriptFile }>();
  for (const f of compressed?.scripts ?? []) rows.set(key(f.path), { c: f });
  for (const f of plain?.scripts ?? []) rows.set(key(f.path), { ...rows.get(key(f.path)), p: f });
  const out = [
    "| script of the page | decoded, kB | gzip -9, kB | transferred compressed, kB (encoding) | transferred uncompressed, kB |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const { c, p } of rows.values()) {
    const f = c ?? p!;
    out.push(`| ${f.path} | ${kb(f.decoded)} | ${kb(f.gzip9)} | ${c ? `${kb(c.transferred)} (${c.encoding})` : "—"} | ${kb(p?.transferred)} |`);
  }
  return out.join("\n");
}
