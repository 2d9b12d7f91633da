/**
 * The page weight of each component's view: for every component, a page holding only that
 * component, loaded cold (a fresh browser context: empty cache) in headless Debian chromium;
 * what it downloads, as transferred (brotli or gzip, as the server sends it to chromium) and as
 * gzip -9 of the decoded bodies (what a gzip-only client would get). The baseline, side by
 * side, is the same page with no component at all: the app shell every page pays.
 *
 * It also lists the lazy chunks each page fetched (`components/<type>/…`): CodeMirror only on
 * a page with Code, KaTeX only where Markdown holds math.
 */
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import * as vt from "vitrine";

/** One page: a name and the app that holds the component. */
export interface ViewCase {
  name: string;
  create(): vt.App;
}

/** What one cold load of a page downloaded. */
export interface ViewWeight {
  name: string;
  /** Every response body as transferred, bytes. */
  totalTransferred: number;
  /** The same bodies decoded, each compressed with gzip -9, bytes. */
  totalGzip: number;
  /** Only the component views and their chunks (`/components/…`), as transferred. */
  viewsTransferred: number;
  /** The same, gzip -9 of the decoded bodies. */
  viewsGzip: number;
  /** Lazy chunks fetched (`components/<type>/<file>`), by path. */
  chunks: string[];
}

const app = (build: () => void) => () => vt.Blocks({ title: "weight" }, build);

/** The pages measured: no component (the baseline), then one per component. */
export function viewCases(): ViewCase[] {
  const cases: [string, () => void][] = [
    ["textbox", () => vt.Textbox({ label: "t" })],
    ["number", () => vt.Number({ label: "n" })],
    ["slider", () => vt.Slider({ label: "s" })],
    ["checkbox", () => vt.Checkbox({ label: "c" })],
    ["checkboxgroup", () => vt.CheckboxGroup({ choices: ["a", "b"], label: "g" })],
    ["radio", () => vt.Radio({ choices: ["a", "b"], label: "r" })],
    ["dropdown", () => vt.Dropdown({ choices: ["a", "b"], label: "d" })],
    ["colorpicker", () => vt.ColorPicker({ label: "c" })],
    ["datetime", () => vt.DateTime({ label: "d" })],
    ["button", () => vt.Button({ value: "Run" })],
    ["markdown", () => vt.Markdown({ value: "# Title\n\nSome *text*." })],
    ["markdown + code", () => vt.Markdown({ value: "```js\nconst a = 1;\n```" })],
    ["markdown + math", () => vt.Markdown({ value: "Euler: $$e^{i\\pi} + 1 = 0$$" })],
    ["code", () => vt.Code({ value: "const a = 1;", language: "javascript", label: "c" })],
    ["json", () => vt.JSON({ value: { a: [1, 2] }, label: "j" })],
    ["html", () => vt.HTML({ value: "<b>bold</b>" })],
    ["highlightedtext", () => vt.HighlightedText({ value: [["a", "X"], [" b", null]], label: "h" })],
    ["label", () => vt.Label({ value: { cat: 0.9, dog: 0.1 }, label: "l" })],
    ["dataframe", () => vt.Dataframe({ value: [[1, "a"], [2, "b"]], headers: ["n", "s"], label: "df" })],
    ["image", () => vt.Image({ label: "i" })],
    ["audio", () => vt.Audio({ label: "a" })],
    ["video", () => vt.Video({ label: "v" })],
    ["file", () => vt.File({ label: "f" })],
    ["gallery", () => vt.Gallery({ label: "g" })],
    ["imageeditor", () => vt.ImageEditor({ label: "e" })],
    ["imageslider", () => vt.ImageSlider({ label: "s" })],
    ["annotatedimage", () => vt.AnnotatedImage({ label: "a" })],
    ["simpleimage", () => vt.SimpleImage({ label: "s" })],
    ["model3d", () => vt.Model3D({ label: "m" })],
    ["uploadbutton", () => vt.UploadButton({ label: "Upload" })],
    ["downloadbutton", () => vt.DownloadButton({ label: "Download" })],
    ["fileexplorer", () => vt.FileExplorer({ root_dir: process.cwd(), glob: "*.json", label: "fx" })],
    ["paramviewer", () => vt.ParamViewer({ value: { x: { type: "int", description: "a number", default: "1" } } })],
    ["clearbutton", () => vt.ClearButton()],
  ];
  return [{ name: "(no component: the baseline)", create: app(() => undefined) }, ...cases.map(([name, build]) => ({ name, create: app(build) }))];
}

/** Loads `url` cold in a fresh context and sums what it downloaded. */
async function weigh(browser: Browser, name: string, url: string): Promise<ViewWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const done: Promise<void>[] = [];
  const weight: ViewWeight = { name, totalTransferred: 0, totalGzip: 0, viewsTransferred: 0, viewsGzip: 0, chunks: [] };
  page.on("requestfinished", (request) => {
    done.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const [sizes, body] = await Promise.all([request.sizes(), response.body().catch(() => Buffer.alloc(0))]);
        const gzip = body.length > 0 ? gzipSync(body, { level: 9 }).length : 0;
        weight.totalTransferred += sizes.responseBodySize;
        weight.totalGzip += gzip;
        const path = new URL(request.url()).pathname;
        const view = path.match(/\/components\/(.+)$/);
        if (view) {
          weight.viewsTransferred += sizes.responseBodySize;
          weight.viewsGzip += gzip;
          if (view[1]!.includes("/")) weight.chunks.push(view[1]!);
        }
      })(),
    );
  });
  await page.goto(url);
  await page.locator(".vt-app").waitFor({ timeout: 20_000 });
  // Views and their lazy chunks load after the shell: wait until the network is quiet.
  await page.waitForLoadState("networkidle");
  await Promise.all(done);
  await context.close();
  weight.chunks.sort();
  return weight;
}

/** Serves each case on 127.0.0.1 in turn and weighs its page once, cold. */
export async function measureViewWeights(browser: Browser, cases: readonly ViewCase[] = viewCases()): Promise<ViewWeight[]> {
  const results: ViewWeight[] = [];
  for (const c of cases) {
    const served = c.create();
    const running = await served.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
    try {
      results.push(await weigh(browser, c.name, running.url));
    } finally {
      await served.close();
    }
  }
  return results;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The results as a Markdown table: each page against the baseline (the page with no component). */
export function viewWeightsTable(results: readonly ViewWeight[]): string {
  const base = results[0]!;
  const rows = results.map((r) => {
    const ratio = base.totalTransferred > 0 ? (r.totalTransferred / base.totalTransferred).toFixed(2) : "–";
    const chunks = r.chunks.length ? `${r.chunks.length}: ${[...new Set(r.chunks.map((c) => c.replace(/-[A-Z0-9]{8}\.js$/, ".js")))].join(", ")}` : "";
    return `| ${r.name} | ${kb(r.viewsTransferred)} | ${kb(r.viewsGzip)} | ${kb(r.totalTransferred)} | ${ratio} | ${chunks} |`;
  });
  return [
    "| page | view kB (transferred) | view kB (gzip -9) | page kB (transferred) | page / baseline | lazy chunks fetched |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
  ].join("\n");
}
