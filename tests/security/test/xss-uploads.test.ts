/**
 * Stored XSS through uploads (Gradio's advisories on HTML and SVG files served from the app):
 * anyone may upload a file, and its `file=` URL is on the app's origin, so an HTML, SVG or
 * XML file with a `<script>` opened there would run with the app's cookies and storage. The
 * server sends such files as downloads (`Content-Disposition: attachment`,
 * `application/octet-stream`, `Content-Security-Policy: default-src 'none'; sandbox`, `nosniff`);
 * a file that lies about its type by its name is sent as the named (inert) type with `nosniff`,
 * one of no known type as `application/octet-stream` (which browsers never render).
 * In chromium, opening each file URL, framing it, or loading it as an image never runs its
 * script in the app's origin (the script would write to the origin's localStorage).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { launchChromium } from "@vitrine/component-test/chromium";
import { calculator } from "@vitrine/demo-gallery";
import type { Browser } from "playwright-core";
import type { App } from "vitrine";
import { openApp, raw, serve } from "./helpers.js";

/** Scripts that record, in the origin's localStorage, that they ran (and where). */
const RUN = `localStorage.setItem('xss', (localStorage.getItem('xss') || '') + ' ' + location.href); window.top.__xss = 1;`;
const FILES: Record<string, string> = {
  "page.html": `<!doctype html><html><body><h1>upload</h1><script>${RUN}</script><img src=x onerror="${RUN}"></body></html>`,
  "page.htm": `<html><script>${RUN}</script></html>`,
  "drawing.svg": `<svg xmlns="http://www.w3.org/2000/svg" onload="${RUN}"><script>${RUN}</script><circle r="5"/></svg>`,
  "doc.xhtml": `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>${RUN}</script></body></html>`,
  "data.xml": `<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">${RUN}</x:script>`,
  "lying.png": `<html><body><script>${RUN}</script></body></html>`,
  "lying.txt": `<html><body><script>${RUN}</script></body></html>`,
  "noext": `<html><body><script>${RUN}</script></body></html>`,
};

describe("XSS through uploaded files", () => {
  let app: App;
  let url: string;
  let browser: Browser;
  /** Each uploaded file's `file=` URL path (below the app's URL). */
  const served: Record<string, string> = {};

  beforeAll(async () => {
    app = calculator();
    url = await serve(app);
    browser = await launchChromium();
    for (const [name, text] of Object.entries(FILES)) {
      const form = new FormData();
      form.append("files", new Blob([text]), name);
      const res = await fetch(`${url}gradio_api/upload`, { method: "POST", body: form });
      const [path] = (await res.json()) as string[];
      served[name] = `gradio_api/file=${path}`;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function stillServes(): Promise<void> {
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [3, "add", 4])).data).toEqual([7]);
  }

  it("sends HTML, SVG and XML as sandboxed downloads, with nosniff", async () => {
    for (const name of ["page.html", "page.htm", "drawing.svg", "doc.xhtml", "data.xml"]) {
      // Gradio 4's unprefixed `file=` route too.
      for (const path of [`/${served[name]}`, `/${served[name]!.slice("gradio_api/".length)}`]) {
        const res = await raw(url, path);
        expect({ name, status: res.status }).toEqual({ name, status: 200 });
        expect({ name, type: res.headers["content-type"] }).toEqual({ name, type: "application/octet-stream" });
        expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=/);
        expect(res.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.body).toBe(FILES[name]);
      }
    }
    await stillServes();
  });

  it("sends a file named as an inert type (or of no known type) as that type, never sniffed as HTML", async () => {
    for (const [name, type] of [
      ["noext", "application/octet-stream"],
      ["lying.png", "image/png"],
      ["lying.txt", "text/plain; charset=utf-8"],
    ] as const) {
      const res = await raw(url, `/${served[name]}`);
      expect({ name, type: res.headers["content-type"] }).toEqual({ name, type });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    await stillServes();
  });

  it("never runs an uploaded file's script in the app's origin (opened, framed, or as an image)", async () => {
    const { page, context, errors } = await openApp(browser, url);
    for (const name of Object.keys(FILES)) {
      // Opening the file URL: a download (the navigation is aborted) or an inert document.
      const tab = await context.newPage();
      await tab.goto(`${url}${served[name]}`).catch((err: Error) => expect(err.message).toMatch(/Download is starting|ERR_ABORTED/));
      await tab.close();
    }
    // Framed in, and loaded as images by, a page of the app's own origin.
    await page.evaluate(
      (paths) =>
        Promise.all(
          paths.flatMap((path) => [
            new Promise<void>((resolve) => {
              const frame = document.createElement("iframe");
              frame.src = path;
              frame.onload = () => resolve();
              document.body.append(frame);
              setTimeout(resolve, 3000);
            }),
            new Promise<void>((resolve) => {
              const img = document.createElement("img");
              img.onload = img.onerror = () => resolve();
              img.src = path;
              document.body.append(img);
            }),
          ]),
        ),
      Object.values(served),
    );
    const seen = await page.evaluate(() => ({ stored: localStorage.getItem("xss"), flag: (window as { __xss?: number }).__xss ?? null }));
    expect(seen).toEqual({ stored: null, flag: null });
    // A fresh page of the origin sees nothing either (no tab wrote to its storage).
    const fresh = await context.newPage();
    await fresh.goto(`${url}config`);
    expect(await fresh.evaluate(() => localStorage.getItem("xss"))).toBeNull();
    await context.close();
    expect(errors).toEqual([]);
    await stillServes();
  });
});
