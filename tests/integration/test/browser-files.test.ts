/**
 * The page's file wiring in headless chromium (issue 8): a view's `upload` goes through the
 * page's client (XMLHttpRequest, with progress), the function gets the exact bytes, an output
 * file loads from `fileUrl`, and a file over `max_file_size` is refused with a clear message.
 * The view is a test-only ES module (fixtures/upload-view.mjs).
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import * as vt from "vitrine";
import { launchBrowser } from "./browser.js";

const VIEW = fileURLToPath(new URL("./fixtures/upload-view.mjs", import.meta.url));

/** A file in, its bytes to the function; bytes out, saved through the file store. Test only. */
class BytesFile extends vt.Component<Uint8Array, Uint8Array, vt.FileData | null> {
  static override readonly events = ["change"] as const;
  readonly type = "uploadtest";
  readonly ui = { file: VIEW };

  override async preprocess(payload: vt.FileData | null, ctx?: vt.ProcessContext): Promise<Uint8Array> {
    if (!payload || !ctx) throw new Error("no file");
    return ctx.files.read(await ctx.files.resolve(payload));
  }

  override async postprocess(value: Uint8Array, ctx?: vt.ProcessContext): Promise<vt.FileData | null> {
    if (!ctx) throw new Error("no file store");
    return ctx.files.save(value, { name: "reversed.bin" });
  }

  api(): vt.ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

interface BytesFile extends vt.Listeners<"change"> {}

let app: vt.App;
let url = "";
let browser: Browser;
const input = randomBytes(200_000);

beforeAll(async () => {
  app = vt.Blocks({ title: "Files" }, () => {
    const inp = new BytesFile({ label: "in" });
    const out = new BytesFile({ label: "out", interactive: false });
    inp.change({ fn: (bytes: Uint8Array) => Uint8Array.from(bytes).reverse(), inputs: inp, outputs: out });
  });
  url = (await app.launch({ server_port: 0, quiet: true, max_file_size: "300kb" })).url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("files in the page", () => {
  it("uploads with progress, runs the function on the exact bytes, and loads the output from fileUrl", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(url);
      await page.getByLabel("in", { exact: true }).setInputFiles({ name: "noise.bin", mimeType: "application/octet-stream", buffer: input });
      const link = page.getByTestId("link-out");
      await link.waitFor({ timeout: 15_000 });
      const progress = (await page.getByTestId("progress-in").innerText()).split(" ").map(Number);
      expect(progress.at(-1)).toBe(1);
      expect(await page.getByTestId("link-in").innerText()).toBe("noise.bin");
      const href = await link.getAttribute("href");
      expect(href).toMatch(new RegExp(`^${url.replace(/\/$/, "")}/gradio_api/file=.*reversed\\.bin$`));
      const bytes = await page.evaluate(async (h) => Array.from(new Uint8Array(await (await fetch(h!)).arrayBuffer())), href);
      expect(Buffer.from(bytes).equals(Buffer.from(input).reverse())).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a file over max_file_size is refused before it is sent, with a clear message", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/gradio_api/upload")) uploads.push(r.url());
    });
    try {
      await page.goto(url);
      await page.getByLabel("in", { exact: true }).setInputFiles({ name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(400 * 1024) });
      const alert = page.getByTestId("error-in");
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.innerText()).toBe("The file big.bin is 400 KB, over this app's max_file_size of 300 KB: it was not uploaded.");
      expect(uploads).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
