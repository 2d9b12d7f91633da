/** Compressed static files and pages: encodings, types, caching, conditional GET, traversal. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import express from "express";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { appDistDir } from "@vitrine/app";
import { launch, type RunningServer } from "./index.js";
import {
  IMMUTABLE,
  NO_CACHE,
  acceptedEncodings,
  assetCacheControl,
  assetVersion,
  staticAssets,
  versionedCacheControl,
} from "./static-assets.js";

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP request (no client-side path normalization, no decompression). */
function get(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const decoded = (r: Reply): string => {
  const enc = r.headers["content-encoding"];
  const body = enc === "br" ? brotliDecompressSync(r.body) : enc === "gzip" ? gunzipSync(r.body) : r.body;
  return body.toString("utf8");
};

const BR_GZIP = { "accept-encoding": "gzip, deflate, br" };

describe("acceptedEncodings", () => {
  it("prefers br, then gzip, and honours q=0 and *", () => {
    expect(acceptedEncodings("gzip, deflate, br")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("gzip;q=1.0, br;q=0.1")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("br;q=0, gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("BR ; Q=0 , x-gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("*")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("*;q=0, gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("gzip;q=0, *")).toEqual(["br"]);
    expect(acceptedEncodings("identity")).toEqual([]);
    expect(acceptedEncodings("")).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe("assetCacheControl", () => {
  it("is immutable for vite's hashed names only", () => {
    expect(assetCacheControl("assets/main-CS6TWvem.js")).toBe(IMMUTABLE);
    expect(assetCacheControl("assets/rolldown-runtime-WkwZ5CU-.js")).toBe(IMMUTABLE);
    expect(assetCacheControl("assets/main-CS6TWvem.js.map")).toBe(IMMUTABLE);
    expect(assetCacheControl("assets/main-DMA_4gzf.css")).toBe(IMMUTABLE);
    expect(assetCacheControl("assets/vendor/react.js")).toBe(NO_CACHE);
    expect(assetCacheControl("assets/vendor/react-jsx-runtime.js")).toBe(NO_CACHE);
    expect(assetCacheControl("index.html")).toBe(NO_CACHE);
    expect(assetCacheControl("favicon-12345678.svg")).toBe(NO_CACHE);
  });
});

describe("staticAssets over a folder", () => {
  const JS = `export const greeting = ${JSON.stringify("hello ".repeat(400))};\n`;
  const CSS = `body { color: red; }\n`.repeat(100);
  let dir: string;
  let root: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-static-"));
    root = join(dir, "dist");
    mkdirSync(join(root, "assets", "vendor"), { recursive: true });
    const write = (rel: string, text: string, siblings: ("br" | "gz")[]) => {
      const file = join(root, rel);
      writeFileSync(file, text);
      if (siblings.includes("br")) writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from(text)));
      if (siblings.includes("gz")) writeFileSync(`${file}.gz`, gzipSync(Buffer.from(text)));
    };
    write("assets/main-AbCd1234.js", JS, ["br", "gz"]);
    write("assets/main-AbCd1234.js.map", JSON.stringify({ version: 3, mappings: "A".repeat(2000) }), ["br", "gz"]);
    write("assets/vendor/react.js", JS, ["br", "gz"]);
    write("assets/style-Zz_9-xYw.css", CSS, ["gz"]);
    write("assets/plain-0123abcd.js", JS, []);
    write("logo.svg", `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(300)}</svg>`, ["br"]);
    write("stale.js", JS, ["br", "gz"]);
    // A build that rewrote stale.js without its siblings: they are older, so they are not used.
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, "stale.js.br"), old, old);
    utimesSync(join(root, "stale.js.gz"), old, old);
    write(".hidden.js", JS, []);
    writeFileSync(join(dir, "secret.txt"), "TOP SECRET");
    writeFileSync(join(dir, "secret.js"), "TOP SECRET");

    const app = express();
    app.use(staticAssets(root));
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    delete process.env.VITRINE_NO_COMPRESSION;
  });

  it("sends the brotli sibling when br is accepted, with the original's type and length", async () => {
    const r = await get(base, "/assets/main-AbCd1234.js", BR_GZIP);
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(r.headers["content-length"]).toBe(String(readFileSync(join(root, "assets/main-AbCd1234.js.br")).length));
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(r)).toBe(JS);
  });

  it("sends gzip when only gzip is accepted, or br is refused with q=0", async () => {
    for (const accept of ["gzip", "gzip, deflate", "br;q=0, gzip;q=0.5"]) {
      const r = await get(base, "/assets/main-AbCd1234.js", { "accept-encoding": accept });
      expect(r.headers["content-encoding"]).toBe("gzip");
      expect(r.headers["content-length"]).toBe(String(readFileSync(join(root, "assets/main-AbCd1234.js.gz")).length));
      expect(decoded(r)).toBe(JS);
    }
  });

  it("sends the plain file when no coding is accepted", async () => {
    for (const headers of [{} as Record<string, string>, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }, { "accept-encoding": "*;q=0" }]) {
      const r = await get(base, "/assets/main-AbCd1234.js", headers);
      expect(r.status).toBe(200);
      expect(r.headers["content-encoding"]).toBeUndefined();
      expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(r.headers["content-length"]).toBe(String(Buffer.byteLength(JS)));
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.body.toString()).toBe(JS);
    }
  });

  it("falls back to what exists: gzip without a .br, the plain file without either, never a stale sibling", async () => {
    const css = await get(base, "/assets/style-Zz_9-xYw.css", BR_GZIP);
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(decoded(css)).toBe(CSS);
    const plain = await get(base, "/assets/plain-0123abcd.js", BR_GZIP);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    const stale = await get(base, "/stale.js", BR_GZIP);
    expect(stale.headers["content-encoding"]).toBeUndefined();
    expect(stale.body.toString()).toBe(JS);
  });

  it("types the original file: source maps as JSON, SVG as an image", async () => {
    const map = await get(base, "/assets/main-AbCd1234.js.map", BR_GZIP);
    expect(map.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(map.headers["content-encoding"]).toBe("br");
    const svg = await get(base, "/logo.svg", BR_GZIP);
    expect(svg.headers["content-type"]).toBe("image/svg+xml");
    expect(svg.headers["content-encoding"]).toBe("br");
  });

  it("caches hashed assets as immutable, stable names as no-cache", async () => {
    expect((await get(base, "/assets/main-AbCd1234.js", BR_GZIP)).headers["cache-control"]).toBe(IMMUTABLE);
    expect((await get(base, "/assets/main-AbCd1234.js")).headers["cache-control"]).toBe(IMMUTABLE);
    expect((await get(base, "/assets/vendor/react.js", BR_GZIP)).headers["cache-control"]).toBe(NO_CACHE);
    expect((await get(base, "/logo.svg")).headers["cache-control"]).toBe(NO_CACHE);
  });

  it("answers 304 to If-None-Match and If-Modified-Since, per representation", async () => {
    const first = await get(base, "/assets/vendor/react.js", BR_GZIP);
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();
    const again = await get(base, "/assets/vendor/react.js", { ...BR_GZIP, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers.vary).toMatch(/accept-encoding/i);
    // The gzip representation is another entity: the br one's ETag does not validate it.
    const gz = await get(base, "/assets/vendor/react.js", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(gz.status).toBe(200);
    expect(gz.headers.etag).not.toBe(etag);
    const since = await get(base, "/assets/vendor/react.js", { ...BR_GZIP, "if-modified-since": first.headers["last-modified"]! });
    expect(since.status).toBe(304);
  });

  it("answers HEAD with the headers of the GET and no body", async () => {
    const r = await get(base, "/assets/main-AbCd1234.js", BR_GZIP, "HEAD");
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["content-length"]).toBe(String(readFileSync(join(root, "assets/main-AbCd1234.js.br")).length));
    expect(r.body.length).toBe(0);
  });

  it("serves ranges of the representation sent", async () => {
    const r = await get(base, "/assets/plain-0123abcd.js", { range: "bytes=0-5" });
    expect(r.status).toBe(206);
    expect(r.body.toString()).toBe(JS.slice(0, 6));
  });

  it("cannot be made to leave its folder", async () => {
    const attempts = [
      "/../secret.txt",
      "/../secret.js",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.js",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/..%2fsecret.txt",
      "/..%5csecret.txt",
      "/assets/..%2F..%2Fsecret.js",
      "/%252e%252e/secret.txt",
      "/.hidden.js",
      "/assets/%00.js",
      "/%E0%A4%A",
    ];
    for (const path of attempts) {
      const r = await get(base, path, BR_GZIP);
      expect([400, 403, 404]).toContain(r.status);
      expect(decoded(r)).not.toContain("TOP SECRET");
    }
    expect((await get(base, "/../secret.txt")).status).toBe(403);
    expect((await get(base, "/%2e%2e/secret.txt")).status).toBe(403);
  });

  it("falls through for other methods and missing files", async () => {
    expect((await get(base, "/assets/main-AbCd1234.js", {}, "POST")).status).toBe(404);
    expect((await get(base, "/assets/missing-00000000.js", BR_GZIP)).status).toBe(404);
    expect((await get(base, "/assets", BR_GZIP)).status).toBe(404);
  });

  it("sends plain files, without Vary, when VITRINE_NO_COMPRESSION is set", async () => {
    process.env.VITRINE_NO_COMPRESSION = "1";
    const r = await get(base, "/assets/main-AbCd1234.js", BR_GZIP);
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.headers.vary).toBeUndefined();
    expect(r.body.toString()).toBe(JS);
  });
});

describe("assetVersion", () => {
  it("is a short content hash that follows the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "vitrine-version-"));
    try {
      const file = join(dir, "ui.js");
      writeFileSync(file, "one");
      const v1 = assetVersion(file);
      expect(v1).toMatch(/^[A-Za-z0-9_-]{10}$/);
      expect(assetVersion(file)).toBe(v1);
      expect(versionedCacheControl(file, v1)).toBe(IMMUTABLE);
      writeFileSync(file, "two!");
      const v2 = assetVersion(file);
      expect(v2).not.toBe(v1);
      expect(versionedCacheControl(file, v1)).toBe(NO_CACHE);
      expect(versionedCacheControl(file, undefined)).toBe(NO_CACHE);
      expect(versionedCacheControl(join(dir, "missing.js"), v1)).toBe(NO_CACHE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a launched app", () => {
  let server: RunningServer;
  let view: string;
  beforeAll(async () => {
    const app = Blocks({ title: "Compressed" }, () => {
      const name = Textbox({ label: "name" });
      view = name.ui.file;
      const out = Textbox({ label: "out" });
      name.submit({ fn: (n: string) => `Hello ${n}`, inputs: [name], outputs: [out] });
    });
    // A component's build writes its view's compressed siblings; the test view gets them here.
    writeFileSync(`${view}.gz`, gzipSync(readFileSync(view)));
    writeFileSync(`${view}.br`, brotliCompressSync(readFileSync(view)));
    server = await launch(app, { server_port: 0, quiet: true });
  });
  afterAll(() => server.close());
  afterEach(() => {
    delete process.env.VITRINE_NO_COMPRESSION;
  });

  it("compresses the page on the fly and keeps it no-cache", async () => {
    const plain = await get(server.url, "/");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe(NO_CACHE);
    // Each response's scripts carry a fresh nonce (security-headers.ts): compare the rest.
    const withoutNonce = (page: string) => page.replaceAll(/ nonce="[^"]+"/g, "");
    const html = withoutNonce(plain.body.toString());
    expect(html).toContain("window.__VITRINE_CONFIG__=");
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await get(server.url, "/", BR_GZIP);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(br.headers["cache-control"]).toBe(NO_CACHE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(withoutNonce(decoded(br))).toBe(html);

    const gz = await get(server.url, "/", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(withoutNonce(decoded(gz))).toBe(html);

    const again = await get(server.url, "/", { ...BR_GZIP, "if-none-match": br.headers.etag! });
    expect(again.status).toBe(304);
  });

  it("serves the built page's assets compressed, hashed ones immutable", async () => {
    const html = decoded(await get(server.url, "/", BR_GZIP));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toMatch(/^assets\/.+-[A-Za-z0-9_-]{8}\.js$/);
    const r = await get(server.url, `/${script}`, BR_GZIP);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(r.headers["cache-control"]).toBe(IMMUTABLE);
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    // The app's build writes the siblings; without them (an old build) the plain file goes out.
    expect(r.headers["content-encoding"]).toBe("br");
    expect(decoded(r)).toBe(readFileSync(join(appDistDir, script!), "utf8"));
    const vendor = await get(server.url, "/assets/vendor/react.js", BR_GZIP);
    expect(vendor.status).toBe(200);
    expect(vendor.headers["cache-control"]).toBe(NO_CACHE);
    expect(vendor.headers.etag).toBeTruthy();
    expect((await get(server.url, "/assets/../../package.json")).status).toBe(403);
    expect((await get(server.url, "/assets/%2e%2e/%2e%2e/package.json")).status).toBe(403);
  });

  it("serves component views compressed, immutable only at their versioned URL", async () => {
    const r = await get(server.url, "/components/textbox.js", { "accept-encoding": "gzip" });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(r.headers["cache-control"]).toBe(NO_CACHE);
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers["content-encoding"]).toBe("gzip");
    const plain = await get(server.url, "/components/textbox.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(decoded(r)).toBe(plain.body.toString());
    const notModified = await get(server.url, "/components/textbox.js", { "accept-encoding": "gzip", "if-none-match": r.headers.etag! });
    expect(notModified.status).toBe(304);

    const config = JSON.parse((await get(server.url, "/config")).body.toString()) as { ui_modules: Record<string, string> };
    expect(config.ui_modules.textbox).toBeDefined();
    const versioned = await get(server.url, `/components/textbox.js?v=${assetVersion(view)}`, BR_GZIP);
    expect(versioned.headers["cache-control"]).toBe(IMMUTABLE);
    const wrong = await get(server.url, "/components/textbox.js?v=0000000000", BR_GZIP);
    expect(wrong.headers["cache-control"]).toBe(NO_CACHE);
    const map = await get(server.url, "/components/textbox.js.map", BR_GZIP);
    expect(map.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect((await get(server.url, "/components/nothing.js")).status).toBe(404);
  });

  it("sends the page uncompressed when VITRINE_NO_COMPRESSION is set", async () => {
    process.env.VITRINE_NO_COMPRESSION = "1";
    const r = await get(server.url, "/", BR_GZIP);
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.toString()).toContain("window.__VITRINE_CONFIG__=");
  });
});

describe("a view's shared asset folders (ui.assets)", () => {
  let server: RunningServer;
  let shared: string;
  beforeAll(async () => {
    shared = mkdtempSync(join(tmpdir(), "vitrine-shared-assets-"));
    writeFileSync(join(shared, "lib.js"), "export const shared = 42;\n");
    const app = Blocks({ title: "Shared assets" }, () => {
      const box = Textbox({ label: "name" });
      // A component declaring a folder other views may share, as Plot shares plotly.js.
      Object.defineProperty(box, "ui", { value: { file: box.ui.file, assets: { sharedlib: shared } } });
    });
    server = await launch(app, { server_port: 0, quiet: true });
  });
  afterAll(() => {
    server.close();
    rmSync(shared, { recursive: true, force: true });
  });

  it("serves a declared folder at components/<folder>/<file>, and nothing outside it", async () => {
    const r = await get(server.url, "/components/sharedlib/lib.js");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(r.body.toString()).toContain("shared = 42");
    expect((await get(server.url, "/components/sharedlib/missing.js")).status).toBe(404);
    expect((await get(server.url, "/components/sharedlib/..%2flib.js")).status).toBe(404);
    expect((await get(server.url, "/components/undeclared/lib.js")).status).toBe(404);
  });
});
