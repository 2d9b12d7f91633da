/**
 * FileExplorer in a real browser through a real server: a folder expanded (its listing fetched
 * through `POST /gradio_api/component_server/`), two files ticked, Submit, and the function gets
 * their absolute paths; a listing of `..` is refused. And initial file values given as paths
 * (`vt.Image({ value: "…/cat.png" })`, `vt.File({ value: … })`): the page shows them, and the
 * config carries FileData whose URLs serve the same bytes.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { Jimp } from "jimp";
import { explorer } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { fieldValue, pollUntil, useBrowserSuite } from "./browser.js";

/** The folder browsed: two files at the top (one hidden by ignore_glob), a data folder with a nested one. */
const root = realpathSync(mkdtempSync(join(tmpdir(), "vt-fx-browser-")));
mkdirSync(join(root, "data", "2024"), { recursive: true });
writeFileSync(join(root, "readme.txt"), "Tick files in the tree.\n");
writeFileSync(join(root, ".secret"), "hidden\n");
writeFileSync(join(root, "data", "cities.csv"), "city,population\nParis,2102650\n");
writeFileSync(join(root, "data", "2024", "readings.csv"), "day,value\n1,3\n");

/** One line per file: its name and size. */
const describeFiles = (paths: string[]) => paths.map((p) => `${basename(p)}: ${statSync(p).size} bytes`).join("\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the function received, call by call. */
const received: string[][] = [];
/** The explorer demo's Interface over the same folder, its function recording what it receives. */
function recordingExplorer() {
  return new vt.Interface({
    fn: (paths: string[]) => {
      received.push(paths);
      return describeFiles(paths);
    },
    inputs: vt.FileExplorer({ root_dir: root, ignore_glob: ".*", label: "Files" }),
    outputs: vt.Textbox({ label: "Chosen files", lines: 4 }),
  });
}

const media = mkdtempSync(join(tmpdir(), "vt-initial-"));
afterAll(() => rmSync(media, { recursive: true, force: true }));
const catPath = join(media, "cat.png");
const reportPath = join(media, "report.pdf");

async function initialApp() {
  const image = new Jimp({ width: 16, height: 12, color: 0x3366ccff });
  writeFileSync(catPath, await image.getBuffer("image/png"));
  writeFileSync(reportPath, "%PDF-1.4\n% a tiny report\n");
  return vt.Blocks(() => {
    vt.Image({ value: catPath, label: "Cat" });
    vt.File({ value: reportPath, label: "Report" });
  });
}
const initial = await initialApp();

interface ConfigComponent { id: number; type: string; props: { value?: unknown; server_fns?: string[] } }

describe("FileExplorer in the browser", () => {
  const suite = useBrowserSuite({
    recording: { create: recordingExplorer, description: "a FileExplorer whose function records its input" },
    explorer: { create: () => explorer(root), description: "the explorer demo" },
    initial: { create: () => initial, description: "initial file values" },
  });

  it("expand a folder, tick two files, Submit: the function receives their absolute paths", async () => {
    const page = await suite.open("recording");
    const listings: unknown[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/gradio_api/component_server/")) listings.push(JSON.parse(r.postData() ?? "null").data);
    });
    // The root is listed at once; `.secret` is hidden by ignore_glob.
    await page.getByRole("checkbox", { name: "readme.txt" }).waitFor();
    await expect(page.getByRole("checkbox", { name: ".secret" }).count()).resolves.toBe(0);
    await expect(page.getByRole("checkbox", { name: "data/cities.csv" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Expand data" }).click();
    await page.getByRole("checkbox", { name: "data/cities.csv" }).check();
    await page.getByRole("checkbox", { name: "readme.txt" }).check();
    await page.getByRole("button", { name: "Expand 2024" }).click();
    await page.getByRole("checkbox", { name: "data/2024/readings.csv" }).waitFor();
    expect(listings).toEqual([["data"], ["data", "2024"]]);
    await page.getByRole("button", { name: "Submit" }).click();
    const shown = await pollUntil(() => fieldValue(page, "Chosen files"), (v) => v.includes("readme.txt"));
    expect(received.at(-1)).toEqual([join(root, "data", "cities.csv"), join(root, "readme.txt")]);
    expect(shown).toBe(`cities.csv: ${readFileSync(join(root, "data", "cities.csv")).length} bytes\nreadme.txt: ${readFileSync(join(root, "readme.txt")).length} bytes`);
    // Unticking takes a file out again.
    await page.getByRole("checkbox", { name: "readme.txt" }).uncheck();
    await page.getByRole("button", { name: "Submit" }).click();
    await pollUntil(() => fieldValue(page, "Chosen files"), (v) => !v.includes("readme.txt"));
    expect(received.at(-1)).toEqual([join(root, "data", "cities.csv")]);
  });

  it("tick a folder: every file beneath it is chosen", async () => {
    const page = await suite.open("recording");
    await page.getByRole("checkbox", { name: "data/", exact: true }).check();
    await page.getByRole("checkbox", { name: "data/2024/readings.csv" }).waitFor();
    await pollUntil(() => page.getByRole("checkbox", { name: "data/cities.csv" }).isChecked(), (v) => v);
    await page.getByRole("button", { name: "Submit" }).click();
    await pollUntil(() => fieldValue(page, "Chosen files"), (v) => v.includes("readings.csv"));
    expect(received.at(-1)).toEqual([join(root, "data", "2024", "readings.csv"), join(root, "data", "cities.csv")]);
  });

  it("refuses a listing of `..` (and an absolute path) with a clear 400, and keeps serving", async () => {
    const page = await suite.open("explorer");
    const config = (await (await page.request.get(`${suite.url}explorer/config`)).json()) as { components: ConfigComponent[] };
    const fx = config.components.find((c) => c.type === "fileexplorer")!;
    expect(fx.props.server_fns).toEqual(["ls"]);
    const ls = (data: unknown) =>
      page.evaluate(
        async ({ id, data }) => {
          const res = await fetch("gradio_api/component_server/", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ session_hash: "test", component_id: id, fn_name: "ls", data }),
          });
          return { status: res.status, body: (await res.json()) as unknown };
        },
        { id: fx.id, data },
      );
    const up = await ls([".."]);
    expect(up.status).toBe(400);
    expect((up.body as { detail: string }).detail).toMatch(/^FileExplorer: "\.\." is refused: a relative segment/);
    expect((await ls(["/etc"])).status).toBe(400);
    expect((await ls(["data", "..", ".."])).status).toBe(400);
    const ok = await ls(["data"]);
    expect(ok).toEqual({ status: 200, body: [{ name: "2024", type: "folder", valid: true }, { name: "cities.csv", type: "file", valid: true }] });
  });

  it("shows initial files given as paths, served from the cache at the config's URLs", async () => {
    const page = await suite.open("initial");
    const config = (await (await page.request.get(`${suite.url}initial/config`)).json()) as { components: ConfigComponent[] };
    const values = Object.fromEntries(config.components.filter((c) => c.type === "image" || c.type === "file").map((c) => [c.type, c.props.value]));
    const cat = values.image as { path: string; url: string; meta: { _type: string } };
    const report = values.file as { path: string; url: string; orig_name: string };
    expect(cat.meta._type).toBe("gradio.FileData");
    expect(cat.path).not.toBe(catPath); // a copy in the cache
    expect(cat.url).toMatch(/\/gradio_api\/file=/);
    const served = Buffer.from(await (await page.request.get(cat.url)).body());
    expect(served.equals(readFileSync(catPath))).toBe(true);
    expect(report.orig_name).toBe("report.pdf");
    expect(Buffer.from(await (await page.request.get(report.url)).body()).equals(readFileSync(reportPath))).toBe(true);
    // The page shows the image, loaded (decoded at its size) from those bytes.
    const img = page.locator(".vt-type-image img").first();
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector(".vt-type-image img") as HTMLImageElement | null)?.naturalWidth === 16);
    const src = await img.evaluate((el) => (el as HTMLImageElement).src);
    expect(Buffer.from(await (await page.request.get(src)).body()).equals(served)).toBe(true);
    await page.locator(".vt-type-file").getByText("report.pdf").first().waitFor();
  });
});
