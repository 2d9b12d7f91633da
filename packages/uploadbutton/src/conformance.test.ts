import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeComponent } from "@vitrine/component-test";
import { UploadButton, type UploadButtonProps } from "./index.js";

// Real files, in a temp folder: what the user uploads, and what a function may send back.
const dir = mkdtempSync(join(tmpdir(), "vitrine-uploadbutton-conformance-"));
const table = join(dir, "scores.csv");
writeFileSync(table, "name,score\nAda,92\nGrace,88\n");
const blob = join(dir, "weights.bin");
writeFileSync(blob, new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeComponent({
  create: (props: UploadButtonProps) => UploadButton(props),
  samples: [table, blob],
  // The path changes (the file is copied into the cache): the bytes must not.
  roundTrip: (back, sample) => expect(readFileSync(back as string)).toEqual(readFileSync(sample as string)),
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
    upload: ({ block }) => block.locator('input[type="file"]').setInputFiles(table),
  },
  labelled: false,
  // Its label is the button's text ("Upload a File" by default), as in Gradio.
  labelIsText: true,
});
