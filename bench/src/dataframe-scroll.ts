/**
 * The Dataframe scroll benchmark (issue 9's "must show"): a 100,000-row Vitrine Dataframe scrolled
 * from top to bottom in headless Debian chromium, side by side with a plain 100,000-row HTML
 * `<table>` (the baseline: every row in the DOM, no JavaScript) scrolled the same way, in the same
 * run and the same browser.
 *
 * Both tables sit in a scroll box of the same height with the same four columns (a number, a
 * label, a number, a flag) and rows of the same height. The page scrolls its box from the top to
 * the bottom in `frames` equal steps, one step per animation frame (`scrollTop` set, then the next
 * `requestAnimationFrame`), and records the time between frames: a smooth scroll keeps every frame
 * near the display's interval (16.7 ms at 60 Hz); a frame that takes longer is jank. Reported:
 * frame time p50/p95/p99/max, the frames over 50 ms, the rows in the DOM at the end, whether the
 * last row was shown, and the time from navigation until the table was shown. Nothing is asserted.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { launchChromium } from "@vitrine/component-test/chromium";
import { summarize, type Summary } from "./stats.js";

/** Options of one run. */
export interface DataframeScrollOptions {
  /** Rows in each table. */
  rows: number;
  /** Animation frames the scroll from top to bottom takes (the step is the scroll range / frames). */
  frames: number;
  /** Height of each table's scroll box, px. */
  boxHeight: number;
  /** Times each side is scrolled top to bottom (the frame times of all runs are pooled). */
  repeat: number;
}

/** One side's figures. */
export interface ScrollSide {
  /** Time between animation frames while scrolling, ms. */
  frames: Summary & { p95: number | null };
  /** Frames that took more than 50 ms. */
  longFrames: number;
  /** `<tr>` elements in the table's body at the end. */
  rowsInDom: number;
  /** Whether the last row was in the DOM, inside the box, at the end. */
  lastRowShown: boolean;
  /** Navigation start → the table shown with rows (`performance.now()` in the page), ms. */
  readyMs: number;
}

/** The benchmark's result. */
export interface DataframeScrollResult {
  options: DataframeScrollOptions;
  vitrine: ScrollSide;
  table: ScrollSide;
}

/** The rows both tables show: an index, a label, a value and a flag. */
function makeRows(n: number): [number, string, number, boolean][] {
  return Array.from({ length: n }, (_, i) => [i + 1, `row ${i + 1}`, Math.round(((i * 7919) % 10007) / 10.007) / 100, i % 3 === 0]);
}

/** The baseline page: a plain `<table>` of every row, in a scroll box, styled like the Dataframe's rows. */
function plainTablePage(rows: [number, string, number, boolean][], boxHeight: number): string {
  const body = rows
    .map(([n, label, value, flag]) => `<tr><td>${n}</td><td>${label}</td><td>${value}</td><td><input type="checkbox"${flag ? " checked" : ""} disabled></td></tr>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><title>plain table</title><style>
body { font-family: system-ui, sans-serif; margin: 16px; }
#box { max-height: ${boxHeight}px; overflow: auto; border: 1px solid #ddd; }
table { border-collapse: separate; border-spacing: 0; min-width: 100%; font-size: 14px; }
th { position: sticky; top: 0; background: #f5f5f5; text-align: left; padding: 6px 12px; }
td { height: 36px; box-sizing: border-box; padding: 6px 12px; border-bottom: 1px solid #ddd; white-space: nowrap; }
</style></head><body><div id="box"><table aria-label="Plain"><thead><tr><th>n</th><th>label</th><th>value</th><th>flag</th></tr></thead><tbody>${body}</tbody></table></div>
<script>requestAnimationFrame(() => requestAnimationFrame(() => { window.__ready = performance.now(); }));</script></body></html>`;
}

/** Scrolls `selector`'s box from top to bottom in `frames` steps, one per animation frame; returns the frame deltas. */
async function scrollOnce(page: Page, selector: string, frames: number, lastText: string): Promise<{ deltas: number[]; rowsInDom: number; lastRowShown: boolean }> {
  return page.evaluate(
    async ({ selector, frames, lastText }) => {
      const box = document.querySelector<HTMLElement>(selector)!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      box.scrollTop = 0;
      await frame();
      await frame();
      const max = box.scrollHeight - box.clientHeight;
      const deltas: number[] = [];
      let last = await frame();
      for (let i = 1; i <= frames; i++) {
        box.scrollTop = Math.round((max * i) / frames);
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      // Let a virtualised table render its last rows.
      await frame();
      await frame();
      const rows = box.querySelectorAll("tbody tr");
      const boxRect = box.getBoundingClientRect();
      const lastCell = [...box.querySelectorAll("td")].reverse().find((td) => td.textContent === lastText);
      const r = lastCell?.getBoundingClientRect();
      const lastRowShown = Boolean(r && r.bottom <= boxRect.bottom + 1 && r.top >= boxRect.top - 1);
      return { deltas, rowsInDom: rows.length, lastRowShown };
    },
    { selector, frames, lastText },
  );
}

async function measureSide(page: Page, selector: string, options: DataframeScrollOptions, readyMs: number): Promise<ScrollSide> {
  const deltas: number[] = [];
  let end = { rowsInDom: 0, lastRowShown: false };
  for (let run = 0; run < options.repeat; run++) {
    const result = await scrollOnce(page, selector, options.frames, `row ${options.rows}`);
    deltas.push(...result.deltas);
    end = result;
  }
  const frames = summarize(deltas);
  const sorted = [...deltas].sort((a, b) => a - b);
  const p95 = sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]! * 1000) / 1000 : null;
  return { frames: { ...frames, p95 }, longFrames: deltas.filter((d) => d > 50).length, rowsInDom: end.rowsInDom, lastRowShown: end.lastRowShown, readyMs };
}

/** Runs both sides: the Vitrine app in this process, the plain table from a bare node:http server. */
export async function measureDataframeScroll(options: DataframeScrollOptions): Promise<DataframeScrollResult> {
  const rows = makeRows(options.rows);
  const vt = await import("vitrine");
  const app = vt.Blocks({ title: "Dataframe scroll" }, () => {
    vt.Dataframe({
      label: "Rows",
      headers: ["n", "label", "value", "flag"],
      datatype: ["number", "str", "number", "bool"],
      value: rows,
      max_height: options.boxHeight,
      interactive: false,
    });
  });
  const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
  const html = plainTablePage(rows, options.boxHeight);
  const plain: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: options.boxHeight + 300 } });
    const page = await context.newPage();

    await page.goto(running.url, { timeout: 120_000 });
    await page.waitForSelector('table[role=grid] tbody tr[role="row"]', { timeout: 120_000 });
    const vitrineReady = await page.evaluate(() => performance.now());
    const vitrine = await measureSide(page, ".vt-df-scroll", options, vitrineReady);

    await page.goto(plainUrl, { timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, { timeout: 120_000 });
    const tableReady = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
    const table = await measureSide(page, "#box", options, tableReady);
    await context.close();
    return { options, vitrine, table };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => plain.close(() => resolve()));
    await app.close();
  }
}

const ms = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? "–" : `${(a / b).toFixed(2)}×`);

/** The result as a markdown table. */
export function dataframeScrollTable(r: DataframeScrollResult): string {
  const { options: o, vitrine: v, table: t } = r;
  const row = (name: string, s: ScrollSide) =>
    `| ${name} | ${ms(s.frames.p50)} | ${ms(s.frames.p95)} | ${ms(s.frames.p99)} | ${ms(s.frames.max)} | ${s.longFrames} | ${s.rowsInDom} | ${s.lastRowShown ? "yes" : "no"} | ${s.readyMs.toFixed(0)} |`;
  return [
    `Dataframe scroll: ${o.rows.toLocaleString("en")} rows scrolled top to bottom in ${o.frames} animation frames (${o.repeat}×), in a ${o.boxHeight}px box, headless chromium; the Vitrine Dataframe (virtualised rows) against a plain HTML \`<table>\` of every row. Frame time = time between animation frames while scrolling.`,
    "",
    "| | frame p50, ms | frame p95, ms | frame p99, ms | max, ms | frames > 50 ms | rows in DOM | last row shown | ready, ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |",
    row("Vitrine Dataframe", v),
    row("plain <table>", t),
    `| Dataframe / table | ${ratio(v.frames.p50, t.frames.p50)} | ${ratio(v.frames.p95, t.frames.p95)} | ${ratio(v.frames.p99, t.frames.p99)} | ${ratio(v.frames.max, t.frames.max)} | | | | ${ratio(v.readyMs, t.readyMs)} |`,
  ].join("\n");
}
