import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@vitrine/client";
import type { FileData } from "@vitrine/core";
import { EventRunner } from "./events.js";
import { fileUrl, pageFiles } from "./files.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";

const META = { _type: "gradio.FileData" } as const;

describe("fileUrl", () => {
  const file: FileData = { path: "/tmp/vt/ab12/cat.png", meta: META };
  it("uses the file's url when the server set one", () => {
    expect(fileUrl("http://h/app", "/gradio_api", { ...file, url: "http://cdn/x.png" })).toBe("http://cdn/x.png");
  });
  it("else builds <root><api_prefix>/file=<path> from the app's root", () => {
    expect(fileUrl("http://h/app/", "/gradio_api", file)).toBe("http://h/app/gradio_api/file=/tmp/vt/ab12/cat.png");
    expect(fileUrl("http://h", undefined, { ...file, url: null })).toBe("http://h/gradio_api/file=/tmp/vt/ab12/cat.png");
  });
  it("keeps an http(s) path as is", () => {
    expect(fileUrl("http://h", "/gradio_api", { ...file, path: "https://example.com/a.png" })).toBe("https://example.com/a.png");
  });
});

/** A bare server with what the client needs to connect and upload: /config, /info, /upload. */
let server: Server;
let url = "";
const received: { query: string; parts: { filename: string; text: string }[] }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const u = new URL(req.url ?? "/", "http://x");
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (u.pathname === "/config") return json(200, { protocol: "sse_v3", api_prefix: "/gradio_api", components: [], dependencies: [], max_file_size: 8 });
      if (u.pathname === "/gradio_api/info") return json(200, { named_endpoints: {}, unnamed_endpoints: {} });
      if (u.pathname === "/gradio_api/upload") {
        const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"]! } }).formData();
        const parts = await Promise.all(
          form.getAll("files").map(async (f) => ({ filename: (f as File).name, text: await (f as File).text() })),
        );
        received.push({ query: u.search, parts });
        return json(200, parts.map((p, i) => `/tmp/up/${i}/${p.filename}`));
      }
      json(404, { detail: "Not Found" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("PageFiles.settled", () => {
  it("resolves at once with no upload running, and after every running upload (and the views' turn) otherwise", async () => {
    let finish!: (files: FileData[]) => void;
    let fail!: (err: Error) => void;
    const jobs = [new Promise<FileData[]>((r) => (finish = r)), new Promise<FileData[]>((_, j) => (fail = j))];
    const files = pageFiles("http://h", "/gradio_api", () => jobs.shift()!);
    await files.settled();
    const order: string[] = [];
    void files.upload([new Blob(["a"])]).then(() => setTimeout(() => order.push("view applied the upload"), 0));
    files.upload([new Blob(["b"])]).catch(() => order.push("failed upload seen"));
    const settled = files.settled().then(() => order.push("settled"));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    finish([{ path: "/tmp/a", meta: META }]);
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(["view applied the upload"]);
    fail(new Error("too large"));
    await settled;
    expect(order).toEqual(["view applied the upload", "failed upload seen", "settled"]);
  });
});

describe("the page's upload", () => {
  it("goes through the page's client with an upload_id, and reports progress", async () => {
    let client: Client | null = null;
    const runner = new EventRunner({
      dependencies: [],
      store: createAppStore([]),
      toasts: createToastStore(),
      connect: async () => (client = await Client.connect(url)),
    });
    const files = pageFiles(url, "/gradio_api", (list, options) => runner.upload(list, options));
    const progress: number[] = [];
    try {
      const out = await files.upload([new File(["hello"], "a.txt"), new Blob(["bye"])], { onProgress: (f) => progress.push(f) });
      expect(out).toEqual([
        { path: "/tmp/up/0/a.txt", orig_name: "a.txt", meta: META },
        { path: "/tmp/up/1/blob", meta: META },
      ]);
      expect(received[0]!.query).toMatch(/^\?upload_id=[0-9a-f]{16}$/);
      expect(received[0]!.parts).toEqual([
        { filename: "a.txt", text: "hello" },
        { filename: "blob", text: "bye" },
      ]);
      expect(progress.at(-1)).toBe(1);
      expect(files.fileUrl(out[0]!)).toBe(`${url}/gradio_api/file=/tmp/up/0/a.txt`);
      // Over the app's max_file_size (8 bytes): refused before sending, with the reason.
      await expect(files.upload([new File(["123456789"], "big.txt")])).rejects.toThrow(
        "The file big.txt is 9 bytes, over this app's max_file_size of 8 bytes: it was not uploaded.",
      );
      expect(received).toHaveLength(1);
    } finally {
      (client as Client | null)?.close();
    }
  });

  it("rejects when the page has no server", async () => {
    const runner = new EventRunner({ dependencies: [], store: createAppStore([]), toasts: createToastStore() });
    await expect(runner.upload([new Blob(["x"])])).rejects.toThrow(/no connection to a server/);
  });
});
