/**
 * Examples given as file paths (issue 8): when the server starts, each sample's file is copied
 * into the cache and the config's Dataset carries it as a FileData whose URL serves the same
 * bytes (so the page can show a thumbnail); a sample file outside the working directory, the temp
 * folder and allowed_paths fails the launch with a message naming the Dataset.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";

interface Config {
  components: { id: number; type: string; props: { samples?: unknown[][] } }[];
}

let dir = "";
const report = randomBytes(2000);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vt-example-files-"));
  await writeFile(join(dir, "report.bin"), report);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("examples given as file paths", () => {
  it("reach the config as FileData served from the cache, other columns unchanged", async () => {
    const app = vt.Blocks(() => {
      const file = vt.File({ label: "Report" });
      const note = vt.Textbox({ label: "Note" });
      vt.Examples({ examples: [[join(dir, "report.bin"), "first"], ["https://example.com/remote.bin", "second"]], inputs: [file, note] });
    });
    const server = await vt.launch(app, { server_port: 0, quiet: true });
    try {
      const config = (await (await fetch(`${server.url}config`)).json()) as Config;
      const dataset = config.components.find((c) => c.type === "dataset")!;
      const [[local, first], [remote, second]] = dataset.props.samples as [vt.FileData, string][];
      expect([first, second]).toEqual(["first", "second"]);
      expect(vt.isFileData(local)).toBe(true);
      expect(local.path).not.toBe(join(dir, "report.bin"));
      expect(local.url).toMatch(new RegExp(`^${server.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}gradio_api/file=`));
      const served = await fetch(local.url!);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(report)).toBe(true);
      expect(remote).toMatchObject({ path: "https://example.com/remote.bin", url: "https://example.com/remote.bin" });
    } finally {
      await server.close();
    }
  });

  it("fail the launch with a clear message for a sample file outside the allowed places", async () => {
    const app = vt.Blocks(() => {
      const file = vt.File({ label: "Report" });
      vt.Examples({ examples: [["/etc/hostname"]], inputs: [file] });
    });
    await expect(vt.launch(app, { server_port: 0, quiet: true })).rejects.toThrow(/A file of (the )?Dataset.*cannot be served: .*\/etc\/hostname/s);
  });
});
