/**
 * Arbitrary file read through FileData inputs (Gradio advisories GHSA-3x5j-9vwr-8rr5 and kin): a
 * file input whose `path` names a file the client never uploaded (`/etc/passwd`, a file in the
 * temp folder, a path climbing out of the cache) is refused at `/queue/join`, `/run`, `/api` and
 * `/call` with a 400 naming the path, before the function runs; an uploaded file still goes through.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, serve } from "./helpers.js";

const fileData = (path: string) => ({ path, meta: { _type: "gradio.FileData" } });

describe("arbitrary file read through FileData", () => {
  let app: vt.App;
  let url: string;
  let tmp: string;
  let uploaded: string;
  const reads: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "vitrine-sec-filedata-"));
    writeFileSync(join(tmp, "private.txt"), "private temp file");
    app = new vt.Interface({
      fn: async (path: string) => {
        reads.push(path);
        return (await readFile(path, "utf8")).slice(0, 64);
      },
      inputs: [vt.File({ label: "file" })],
      outputs: [vt.Textbox({ label: "text" })],
      api_name: "read",
    });
    url = await serve(app);
    const form = new FormData();
    form.append("files", new Blob(["uploaded bytes"]), "mine.txt");
    const res = await fetch(`${url}gradio_api/upload`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    uploaded = ((await res.json()) as string[])[0]!;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Paths a client never uploaded. */
  const stolen = () => [
    "/etc/passwd",
    "/proc/self/environ",
    join(tmp, "private.txt"),
    `${dirname(uploaded)}/../../../../../etc/passwd`,
    `${dirname(dirname(uploaded))}-other/file.txt`,
    "file:///etc/passwd",
    "../../../../etc/passwd",
    "C:\\Windows\\win.ini",
  ];

  /** Asserts the answer refuses `path` with a 400 that names it, and the function never ran. */
  function expectRefused(res: { status: number; body: any }, path: string): void {
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    expect(res.body.detail).toContain(`File not allowed: ${path}`);
    expect(res.body.detail).toMatch(/must be uploaded to this server first/);
    expect(JSON.stringify(res.body)).not.toContain("root:");
  }

  /** Asserts the server still runs the function on an uploaded file. */
  async function stillServes(): Promise<void> {
    const res = await postJson(`${url}gradio_api/run/read`, { data: [fileData(uploaded)] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(["uploaded bytes"]);
  }

  it("refuses them at /queue/join before anything is queued", async () => {
    for (const path of stolen()) {
      const res = await postJson(`${url}gradio_api/queue/join`, { data: [fileData(path)], fn_index: 0, session_hash: "thief-join" });
      expectRefused(res, path);
    }
    expect(reads).toEqual([]);
    await stillServes();
  });

  it("refuses them at /run and /api", async () => {
    for (const route of ["run", "api"]) {
      for (const path of stolen()) expectRefused(await postJson(`${url}gradio_api/${route}/read`, { data: [fileData(path)] }), path);
    }
    expect(reads.filter((p) => !p.startsWith(dirname(dirname(uploaded))))).toEqual([]);
    await stillServes();
  });

  it("refuses them at /call", async () => {
    for (const path of stolen()) expectRefused(await postJson(`${url}gradio_api/call/read`, { data: [fileData(path)] }), path);
    expect(reads.filter((p) => !p.startsWith(dirname(dirname(uploaded))))).toEqual([]);
    await stillServes();
  });

  it("refuses a path hidden in the url field or a bare string", async () => {
    const res = await postJson(`${url}gradio_api/run/read`, { data: [{ ...fileData("nothing-here"), url: "/etc/passwd" }] });
    expectRefused(res, "nothing-here");
    const bare = await postJson(`${url}gradio_api/run/read`, { data: ["/etc/passwd"] });
    expect(bare.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(bare.body)).toMatch(/File expects FileData objects/);
    expect(JSON.stringify(bare.body)).not.toContain("root:");
    await stillServes();
  });

  it("keeps serving the official client with a real upload", async () => {
    const client = await Client.connect(url);
    const result = await client.predict("/read", [handle_file(Buffer.from("through the client"))]);
    expect(result.data).toEqual(["through the client"]);
    expect(reads.every((p) => p.startsWith(dirname(dirname(uploaded))))).toBe(true);
  });
});
