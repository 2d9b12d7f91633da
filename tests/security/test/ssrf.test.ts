/**
 * SSRF through URL inputs (Gradio advisories GHSA-j757-pf57-f8r4 and kin): a file input given as
 * a URL is downloaded by the server only from public addresses. Loopback, private, link-local
 * (cloud metadata), IPv6 and IPv4-mapped forms, other spellings of 127.0.0.1, `localhost`,
 * `file://` and URLs with credentials are refused with a message naming the URL; so is a URL
 * whose server redirects to 127.0.0.1. The redirect is served here by a local server on
 * 127.0.0.2, which the app is told to treat as public (`url_address_check`), so that the
 * redirect target, not the first hop, is what the guard refuses.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, serve } from "./helpers.js";

const fileData = (path: string) => ({ path, meta: { _type: "gradio.FileData" } });

/** An app reading the text of a file input. */
function reader(hits: string[]): vt.App {
  return new vt.Interface({
    fn: async (path: string) => {
      hits.push(path);
      return (await readFile(path, "utf8")).slice(0, 64);
    },
    inputs: [vt.File({ label: "file" })],
    outputs: [vt.Textbox({ label: "text" })],
    api_name: "read",
  });
}

describe("SSRF through URL inputs", () => {
  const hits: string[] = [];
  const internalHits: string[] = [];
  let app: vt.App;
  let url: string;
  let internal: Server;
  let internalUrl: string;
  let redirector: Server;
  let redirectorUrl: string;
  let guarded: vt.App;
  let guardedUrl: string;

  beforeAll(async () => {
    // An "internal" service on 127.0.0.1 that must never be reached.
    internal = createServer((req, res) => {
      internalHits.push(req.url ?? "");
      res.end("internal secret");
    });
    await new Promise<void>((r) => internal.listen(0, "127.0.0.1", r));
    internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
    // A "public" server (127.0.0.2) that redirects to the internal one, or serves a file.
    redirector = createServer((req, res) => {
      if (req.url === "/plain.txt") return void res.end("public content");
      if (req.url === "/to-public") return void res.writeHead(302, { location: "/plain.txt" }).end();
      const target = req.url === "/to-localhost" ? internalUrl.replace("127.0.0.1", "localhost") : internalUrl;
      res.writeHead(req.url === "/permanent" ? 301 : 302, { location: `${target}/admin` }).end();
    });
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.2", r));
    redirectorUrl = `http://127.0.0.2:${(redirector.address() as AddressInfo).port}`;
    app = reader(hits);
    url = await serve(app);
    guarded = reader(hits);
    guardedUrl = await serve(guarded, { url_address_check: (address) => address === "127.0.0.2" });
  });
  afterAll(async () => {
    await app?.close();
    await guarded?.close();
    await new Promise((r) => internal?.close(r));
    await new Promise((r) => redirector?.close(r));
  });

  /** Runs /read with a URL input; the answer. */
  const run = (base: string, target: string) => postJson(`${base}gradio_api/run/read`, { data: [fileData(target)] });

  /**
   * Asserts a URL input was refused up front — a 400 before the function runs, not a 500 from
   * its preprocessing (a finding of issue 12) — with a message naming it as not public.
   */
  function expectRefused(res: { status: number; body: any }, host: RegExp | string): void {
    expect(res.status).toBe(400);
    const message = String(res.body.detail);
    expect(message).toMatch(/URL refused: .* is not a public address/);
    expect(message).toMatch(host);
    expect(JSON.stringify(res.body)).not.toContain("internal secret");
  }

  it("refuses loopback, private, link-local and unspecified addresses", async () => {
    const port = new URL(internalUrl).port;
    for (const [target, host] of [
      [`${internalUrl}/admin`, "127.0.0.1"],
      [`http://localhost:${port}/admin`, "localhost"],
      [`http://127.1:${port}/`, "127.0.0.1"],
      [`http://2130706433:${port}/`, "127.0.0.1"],
      [`http://0x7f000001:${port}/`, "127.0.0.1"],
      [`http://0.0.0.0:${port}/`, "0.0.0.0"],
      ["http://10.0.0.1/", "10.0.0.1"],
      ["http://172.16.5.4/", "172.16.5.4"],
      ["http://192.168.1.1/", "192.168.1.1"],
      ["http://100.64.0.1/", "100.64.0.1"],
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
      [`http://[::1]:${port}/`, "::1"],
      [`http://[::ffff:127.0.0.1]:${port}/`, "::ffff"],
      ["http://[fd00::1]/", "fd00::1"],
      ["http://[fe80::1]/", "fe80::1"],
    ] as const) {
      expectRefused(await run(url, target), host);
    }
    expect(internalHits).toEqual([]);
    expect(hits).toEqual([]);
  });

  it("refuses file:// URLs and URLs with credentials", async () => {
    const file = await run(url, "file:///etc/passwd");
    expect(file.status).toBe(400);
    expect(file.body.detail).toMatch(/File not allowed: file:\/\/\/etc\/passwd/);
    const creds = await run(guardedUrl, `http://user:pass@${new URL(redirectorUrl).host}/plain.txt`);
    expect(creds.status).toBe(400);
    expect(String(creds.body.detail)).toMatch(/URLs with credentials are not fetched/);
    expect(hits).toEqual([]);
  });

  it("refuses a public URL that redirects to 127.0.0.1 (302, 301, via localhost)", async () => {
    for (const path of ["/redirect", "/permanent", "/to-localhost"]) {
      const res = await run(guardedUrl, `${redirectorUrl}${path}`);
      expectRefused(res, /127\.0\.0\.1|localhost/);
    }
    expect(internalHits).toEqual([]);
    expect(hits).toEqual([]);
  });

  it("fetches nothing for an endpoint closed to direct calls (api_open: false): a 404 comes first", async () => {
    const closed = reader(hits);
    closed.queue({ api_open: false });
    const closedUrl = await serve(closed);
    try {
      const before = internalHits.length;
      const res = await run(closedUrl, `${internalUrl}/secret.txt`);
      expect(res.status).toBe(404);
      expect(String(res.body.detail)).toMatch(/does not accept direct HTTP POST/);
      expect(internalHits.length).toBe(before);
    } finally {
      await closed.close();
    }
  });

  it("still fetches a public URL, redirected or not, and serves the next request", async () => {
    expect((await run(guardedUrl, `${redirectorUrl}/plain.txt`)).body.data).toEqual(["public content"]);
    expect((await run(guardedUrl, `${redirectorUrl}/to-public`)).body.data).toEqual(["public content"]);
    const client = await Client.connect(url);
    const job = client.predict("/read", [fileData(`${internalUrl}/x`)]);
    await expect(job).rejects.toThrow(/is not a public address/);
    expect(internalHits).toEqual([]);
  });
});
