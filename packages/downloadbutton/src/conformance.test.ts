import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeComponent } from "@vitrine/component-test";
import { DownloadButton, type DownloadButtonProps } from "./index.js";

// Real files a function offers for download, in a temp folder (the server copies them into its cache).
const dir = mkdtempSync(join(tmpdir(), "vitrine-downloadbutton-conformance-"));
const report = join(dir, "report.csv");
writeFileSync(report, "name,score\nAda,92\nGrace,88\n");
const archive = join(dir, "model.bin");
writeFileSync(archive, new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeComponent({
  create: (props: DownloadButtonProps) => DownloadButton(props),
  samples: [report, archive],
  // The path changes (the file is copied into the cache): the bytes must not.
  roundTrip: (back, sample) => expect(readFileSync(back as string)).toEqual(readFileSync(sample as string)),
  // A download link while interactive; a disabled button when not.
  editor: (block) => block.getByRole("link").or(block.getByRole("button")),
  events: {
    click: ({ block }) => block.getByRole("link").click(),
  },
  labelled: false,
  // Its label is the button's text ("Download" by default), as in Gradio.
  labelIsText: true,
});
