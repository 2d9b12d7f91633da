/**
 * Flagging over the wire (issue 11): Gradio's official client flags as it can with Gradio — the
 * Flag buttons' events are endpoints named `Flag`, `Flag_1`, … left off the API page but
 * callable — with a file it uploads, at the root and mounted; the CSV gets the row (option
 * included) and the file is copied beside it, byte for byte.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, servings, type Served } from "./harness.js";

/** A 1×1 PNG, byte for byte. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

describe.each(servings)("flagging over the wire, %s", (_name, serve) => {
  let served: Served;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-flag-wire-"));
    const app = new vt.Interface({
      fn: (file: string | null, note: string) => `${note}: ${file ? "a file" : "nothing"}`,
      inputs: [vt.File({ label: "upload" }), vt.Textbox({ label: "note" })],
      outputs: vt.Textbox({ label: "result" }),
      flagging_options: ["wrong", "rude"],
      flagging_dir: dir,
      flagging_callback: new vt.CSVLogger({ verbose: false }),
    });
    served = await serve(app);
  });
  afterAll(() => served.close());

  it("the flag endpoints are off the API page but callable; a flag with a file lands in the CSV", async () => {
    const client = await Client.connect(served.url);
    const api = (await client.view_api()) as { named_endpoints: Record<string, unknown> };
    expect(Object.keys(api.named_endpoints)).toEqual(["/predict"]);
    const names = (client.config!.dependencies as unknown as { api_name: string | null }[]).map((d) => d.api_name);
    expect(names.filter((n) => n?.startsWith("Flag"))).toEqual(["Flag", "Flag_1"]);

    const predicted = await client.predict("/predict", [handle_file(new Blob([PNG], { type: "image/png" })), "look"]);
    expect(predicted.data).toEqual(["look: a file"]);
    const flagged = await client.predict("/Flag_1", [handle_file(new Blob([PNG], { type: "image/png" })), "look", "look: a file"]);
    expect((flagged.data as unknown[])[0]).toMatchObject({ __type__: "update", value: "Saved!" });

    const rows = (await vt.readFlagged(join(dir, "dataset1.csv")))!;
    expect(rows[0]).toEqual(["upload", "note", "result", "flag", "username", "timestamp"]);
    const row = rows[rows.length - 1]!;
    expect(row.slice(1, 5)).toEqual(["look", "look: a file", "rude", ""]);
    expect(row[0]).toMatch(/^upload\/[0-9a-f]{20}\/[^/]+$/);
    expect(readFileSync(join(dir, row[0]!)).equals(PNG)).toBe(true);
    client.close();
  });

  it("refuses to flag a file the server did not issue", async () => {
    const client = await Client.connect(served.url);
    const before = (await vt.readFlagged(join(dir, "dataset1.csv")))?.length ?? 0;
    const secret = vt.fileData("/etc/hostname");
    // The client only says the call failed; the server's answer says why.
    await expect(client.predict("/Flag", [secret, "x", "y"])).rejects.toThrow();
    const res = await postJson(`${served.url}gradio_api/run/Flag`, { data: [secret, "x", "y"], session_hash: "flagwire" });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^File not allowed: \/etc\/hostname/);
    expect((await vt.readFlagged(join(dir, "dataset1.csv")))?.length ?? 0).toBe(before);
    client.close();
  });
});
