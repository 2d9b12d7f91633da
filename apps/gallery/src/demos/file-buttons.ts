import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as vt from "vitrine";

/** The first 12 hex digits of a file's SHA-256, and its size. */
async function fingerprint(path: string): Promise<string> {
  const bytes = await readFile(path);
  return `${bytes.length} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`;
}

/**
 * Files: an UploadButton whose file is fingerprinted and handed back through a DownloadButton; a
 * File input copied to a File output; and a report made as bytes, downloadable as a file.
 */
export function fileButtons() {
  return vt.Blocks({ title: "Files" }, () => {
    vt.Markdown("# Files\nUpload with a button and download the same file back; copy a File to another; make a report to download.");
    vt.Row(() => {
      const upload = vt.UploadButton("Upload a file");
      const digest = vt.Textbox({ label: "Fingerprint", interactive: false });
      const download = vt.DownloadButton("Download it back");
      upload.upload({
        fn: async (path: string | null) => (path === null ? (["", null] as const) : ([await fingerprint(path), path] as const)),
        inputs: [upload],
        outputs: [digest, download],
        api_name: "fingerprint",
      });
    });
    vt.Row(() => {
      const original = vt.File({ label: "Original" });
      const copy = vt.File({ label: "Copy" });
      vt.Button("Copy the file").click({ fn: (path: string | null) => path, inputs: [original], outputs: [copy], api_name: "copy" });
    });
    vt.Row(() => {
      const name = vt.Textbox({ label: "Name", value: "Ada" });
      const report = vt.DownloadButton("Download the report", { variant: "primary" });
      vt.Button("Make the report").click({
        fn: (who: string) => new TextEncoder().encode(`name,score\n${who},10\n`),
        inputs: [name],
        outputs: [report],
        api_name: "report",
      });
    });
  });
}
