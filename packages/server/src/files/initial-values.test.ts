/**
 * Initial values that are files given as paths: copied into the cache when the server starts, and
 * sent in the config as FileData whose URL serves the same bytes; a path outside the working
 * directory, the temp folder and allowed_paths fails the launch with a clear error.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Blocks, Component, fileData, isFileData, needFiles, type ApiDescription, type FileData, type ProcessContext } from "@vitrine/core";
import { Textbox } from "../../test/fixtures/textbox.js";
import { launch } from "../index.js";

/** A file output like Image's: a FileData or URL is sent as is, a path needs the file store. */
class Picture extends Component<string, string | string[], FileData | FileData[] | null> {
  readonly type = "testpicture";
  readonly ui = { file: "/nonexistent/testpicture.js" };

  override async postprocess(value: string | string[], ctx?: ProcessContext): Promise<FileData | FileData[] | null> {
    const files = needFiles("Picture", ctx);
    return Array.isArray(value) ? Promise.all(value.map((v) => files.adopt(v))) : files.adopt(value);
  }

  override initialPayload(): unknown {
    const v = this.props.value;
    return typeof v === "string" && /^https?:/.test(v) ? fileData(v, { url: v }) : null;
  }

  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

let dir = "";
const bytes = randomBytes(300);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vt-initial-"));
  await writeFile(join(dir, "cat.png"), bytes);
  await writeFile(join(dir, "dog.png"), bytes.subarray(0, 10));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Config { root: string; components: { id: number; props: { value?: unknown } }[] }

describe("initial file values", () => {
  it("are copied into the cache and served from the URL the config gives", async () => {
    let one!: Picture, many!: Picture, url!: Picture, text!: Textbox;
    const app = Blocks(() => {
      one = new Picture({ value: join(dir, "cat.png") });
      many = new Picture({ value: [join(dir, "cat.png"), join(dir, "dog.png")] });
      url = new Picture({ value: "https://example.com/x.png" });
      text = Textbox({ value: "/not/a/file" });
    });
    const server = await launch(app, { server_port: 0, quiet: true });
    try {
      const config = (await (await fetch(`${server.url}config`)).json()) as Config;
      const value = (id: number) => config.components.find((c) => c.id === id)!.props.value;
      const cat = value(one.id) as FileData;
      expect(isFileData(cat)).toBe(true);
      expect(cat.path.startsWith(server.service.files.root)).toBe(true);
      expect(cat.url).toBe(`${config.root}/gradio_api/file=${cat.path}`);
      expect(cat).toMatchObject({ orig_name: "cat.png", size: 300 });
      const served = Buffer.from(await (await fetch(cat.url!)).arrayBuffer());
      expect(served.equals(bytes)).toBe(true);
      expect((value(many.id) as FileData[]).map((f) => f.size)).toEqual([300, 10]);
      expect(value(url.id)).toMatchObject({ path: "https://example.com/x.png" });
      expect(value(text.id)).toBe("/not/a/file");
      // The page carries the same config.
      const page = await (await fetch(server.url)).text();
      expect(page).toContain(cat.url!);
    } finally {
      await server.close();
    }
  });

  it("gives URLs under the root of each request", async () => {
    let one!: Picture;
    const app = Blocks(() => {
      one = new Picture({ value: join(dir, "cat.png") });
    });
    const server = await launch(app, { server_port: 0, quiet: true });
    try {
      const config = (await (await fetch(`${server.url}config`, { headers: { "X-Forwarded-Host": "example.org", "X-Forwarded-Proto": "https" } })).json()) as Config;
      const cat = config.components.find((c) => c.id === one.id)!.props.value as FileData;
      expect(cat.url!.endsWith(`/gradio_api/file=${cat.path}`)).toBe(true);
      expect(cat.url!.startsWith(config.root)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("fail the launch with a clear error for a file outside the working directory, the temp folder and allowed_paths", async () => {
    const app = Blocks(() => {
      new Picture({ value: "/etc/hostname", label: "Photo" });
    });
    await expect(launch(app, { server_port: 0, quiet: true })).rejects.toThrow(
      /^The initial value of Testpicture "Photo" \(id \d+\) cannot be served: Cannot return the file \/etc\/hostname: it is not in the working directory/,
    );
    const missing = Blocks(() => {
      new Picture({ value: join(dir, "nope.png") });
    });
    await expect(launch(missing, { server_port: 0, quiet: true })).rejects.toThrow(/cannot be served: Cannot return the file .*nope\.png: it does not exist/);
  });

  it("are taken from allowed_paths", async () => {
    let one!: Picture;
    const app = Blocks(() => {
      one = new Picture({ value: "/etc/hostname" });
    });
    const server = await launch(app, { server_port: 0, quiet: true, allowed_paths: ["/etc/hostname"] });
    try {
      const config = (await (await fetch(`${server.url}config`)).json()) as Config;
      expect(isFileData(config.components.find((c) => c.id === one.id)!.props.value)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
