/**
 * Path traversal through `/gradio_api/file=` (Gradio advisories GHSA-rhm9-gp5p-5248 and kin):
 * `..` segments in every encoding, absolute paths outside the allowed folders, Windows-style
 * paths, and a symlink inside an allowed folder pointing out of it. Each is refused with a
 * 403 naming the path, and the server then still serves an allowed file and a prediction. A
 * function that returns a path a user typed for a Dataframe (read as a CSV file) reads nothing
 * outside the allowed places either.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import type { App } from "vitrine";
import { raw, serve } from "./helpers.js";

describe("path traversal through /gradio_api/file=", () => {
  let app: App;
  let url: string;
  let allowed: string;
  let outside: string;
  const SECRET = "top secret, outside the allowed folder";

  beforeAll(async () => {
    allowed = mkdtempSync(join(tmpdir(), "vitrine-sec-allowed-"));
    outside = mkdtempSync(join(tmpdir(), "vitrine-sec-outside-"));
    writeFileSync(join(allowed, "ok.txt"), "public file");
    writeFileSync(join(outside, "secret.txt"), SECRET);
    symlinkSync(join(outside, "secret.txt"), join(allowed, "link-to-secret.txt"));
    symlinkSync(outside, join(allowed, "link-to-folder"));
    symlinkSync("/etc/passwd", join(allowed, "passwd"));
    app = calculator();
    url = await serve(app, { allowed_paths: [allowed] });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(allowed, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  /** Asserts the server still serves an allowed file and a prediction. */
  async function stillServes(): Promise<void> {
    const ok = await raw(url, `/gradio_api/file=${join(allowed, "ok.txt")}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe("public file");
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [2, "add", 3])).data).toEqual([5]);
  }

  /** Asserts `path` (sent as is) is refused with a 403 whose message says the file is not allowed. */
  async function refused(path: string): Promise<void> {
    const res = await raw(url, `/gradio_api/file=${path}`);
    expect({ path, status: res.status }).toEqual({ path, status: 403 });
    expect(res.json?.detail).toMatch(/^File not allowed: /);
    expect(res.body).not.toContain("root:");
    expect(res.body).not.toContain(SECRET);
  }

  it("refuses plain ../ segments out of an allowed folder", async () => {
    await refused(`${allowed}/../${outside.split("/").pop()}/secret.txt`);
    await refused(`${allowed}/../../../../../../etc/passwd`);
    await refused(`${allowed}/./ok.txt/../../etc/passwd`);
    const res = await raw(url, `/gradio_api/file=${allowed}/../../etc/passwd`);
    expect(res.json.detail).toMatch(/relative segment/);
    await stillServes();
  });

  it("refuses percent-encoded dots and slashes (%2e%2e, %2f)", async () => {
    await refused(`${allowed}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`);
    await refused(`${allowed}/%2E%2E/%2E%2E/etc/passwd`);
    await refused(`${allowed}%2f..%2f..%2f..%2fetc%2fpasswd`);
    await refused(`${allowed}/.%2e/.%2e/etc/passwd`);
    await stillServes();
  });

  it("refuses double encoding (%252e%252e, %252f) and malformed escapes", async () => {
    await refused(`${allowed}/%252e%252e/%252e%252e/etc/passwd`);
    await refused(`${allowed}%252f..%252f..%252fetc%252fpasswd`);
    await refused(`${allowed}/ok.txt%2500.png`);
    const double = await raw(url, `/gradio_api/file=${allowed}/%252e%252e/etc/passwd`);
    expect(double.json.detail).toMatch(/double encoding/);
    const malformed = await raw(url, `/gradio_api/file=${allowed}/%zz`);
    expect(malformed.status).toBe(403);
    expect(malformed.json.detail).toMatch(/malformed percent-encoding/);
    await stillServes();
  });

  it("refuses absolute paths outside the cache and allowed_paths", async () => {
    await refused("/etc/passwd");
    await refused("//etc/passwd");
    await refused("/proc/self/environ");
    await refused(encodeURIComponent("/etc/passwd"));
    await refused(join(outside, "secret.txt"));
    await refused(`${allowed}-sibling/x.txt`);
    await stillServes();
  });

  it("refuses Windows-style paths: ..\\, C:\\ and UNC", async () => {
    await refused(`${allowed}\\..\\..\\etc\\passwd`);
    await refused(`${allowed}%5c..%5c..%5cetc%5cpasswd`);
    await refused("C:\\Windows\\win.ini");
    await refused("C:%5CWindows%5Cwin.ini");
    await refused("C:/Windows/win.ini");
    await refused("%5c%5cserver%5cshare%5cfile.txt");
    const res = await raw(url, `/gradio_api/file=${allowed}%5c..%5cetc`);
    expect(res.json.detail).toMatch(/backslash/);
    await stillServes();
  });

  it("refuses a null byte", async () => {
    await refused(`${allowed}/ok.txt%00.png`);
    await stillServes();
  });

  it("refuses symlinks inside an allowed folder that point outside it", async () => {
    await refused(join(allowed, "link-to-secret.txt"));
    await refused(join(allowed, "link-to-folder", "secret.txt"));
    await refused(join(allowed, "passwd"));
    await stillServes();
  });

  it("refuses the same attacks on the legacy /file/ route", async () => {
    await expect(raw(url, "/gradio_api/file//etc/passwd").then((r) => r.status)).resolves.toBe(403);
    const res = await raw(url, `/gradio_api/file/${allowed}/%2e%2e/%2e%2e/etc/passwd`);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain("root:");
    await stillServes();
  });
});

describe("path traversal through a CSV path returned for a Dataframe", () => {
  let app: App;
  let url: string;
  let allowed: string;

  beforeAll(async () => {
    allowed = mkdtempSync(join(tmpdir(), "vitrine-sec-csv-"));
    writeFileSync(join(allowed, "ok.csv"), "a,b\n1,2\n");
    symlinkSync("/etc/passwd", join(allowed, "passwd.csv"));
    // A careless app: whatever path the user types is shown as a table.
    app = new vt.Interface({ fn: (path: string) => path, inputs: "text", outputs: vt.Dataframe({ label: "Table" }), api_name: "show" });
    url = await serve(app, { allowed_paths: [allowed] });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(allowed, { recursive: true, force: true });
  });

  it("refuses absolute, climbing and symlinked paths outside the allowed places, telling the client nothing of the file, and still serves an allowed one", async () => {
    const client = await Client.connect(url);
    for (const path of ["/etc/passwd", `${allowed}/../../../../etc/passwd`, join(allowed, "passwd.csv")]) {
      const err = (await client.predict("/show", [path]).then(() => null, (e: { message?: string }) => e)) as { message?: string } | null;
      expect({ path, refused: err !== null }).toEqual({ path, refused: true });
      // No content and no path reach the client (the server logs why, with the path).
      expect(err!.message).toBe("An error occurred");
    }
    const ok = await client.predict("/show", [join(allowed, "ok.csv")]);
    expect(ok.data).toEqual([{ headers: ["a", "b"], data: [[1, 2]], metadata: null }]);
  });
});
