import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { File } from "./index.js";

// The API's example input is the package's own text file, by absolute path: the snapshot keeps it from the package's folder.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packageDir),
  serialize: (value: string) => JSON.stringify(`<package>/${value.slice(packageDir.length)}`),
});

// Real files a function returns, in a temp folder (the server copies them into its cache).
const dir = mkdtempSync(join(tmpdir(), "vitrine-file-conformance-"));
const report = join(dir, "report.csv");
writeFileSync(report, "name,score\nAda,92\nGrace,88\n");
const blob = join(dir, "weights.bin");
writeFileSync(blob, new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Makes sure the block lists a file (the server sends the next sample when it shows none). */
async function withFile({ block, sendValue }: TriggerContext): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  if ((await clear.count()) === 0) {
    await sendValue();
    await clear.waitFor();
  }
}

describeComponent({
  create: File,
  samples: [report, blob],
  // The path changes (the file is copied into the cache): the bytes must not.
  roundTrip: (back, sample) => expect(readFileSync(back as string)).toEqual(readFileSync(sample as string)),
  // With a file: its Clear button; without: the upload area. Neither when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|upload a file/ }),
  events: {
    change: ({ sendValue }) => sendValue(),
    select: async (context) => {
      await withFile(context);
      await context.block.getByRole("cell", { name: /report\.csv|weights\.bin/ }).first().click();
    },
    clear: async (context) => {
      await withFile(context);
      await context.block.getByRole("button", { name: "Clear" }).click();
    },
    upload: async ({ block }) => {
      const clear = block.getByRole("button", { name: "Clear" });
      if (await clear.count()) await clear.click();
      await block.locator('input[type="file"]').setInputFiles(report);
    },
    delete: async (context) => {
      await withFile(context);
      await context.block.getByRole("button", { name: /^Remove / }).first().click();
    },
    download: async (context) => {
      await withFile(context);
      await context.block.getByRole("link", { name: /^Download / }).first().click();
    },
  },
});
