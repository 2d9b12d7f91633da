import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { fileData, type FileData } from "@vitrine/core";
import type { FlaggedComponent } from "./component.js";

/** A fresh temporary folder (never the repository). */
export function tempDir(prefix = "vitrine-flagging-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A component as flagging sees it: its label only. */
export function labelled(label: string | null): FlaggedComponent {
  return { props: { label } };
}

/** A 1×1 red PNG, byte for byte. */
export const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

/** Writes {@link PNG_BYTES} to `dir/name` and returns it as the FileData a client would send. */
export function pngFile(dir: string, name = "photo.png"): FileData {
  const path = join(dir, name);
  writeFileSync(path, PNG_BYTES);
  return fileData(path, { orig_name: name, size: PNG_BYTES.length, mime_type: "image/png" });
}

/** Every record of a CSV file, parsed strictly (a torn or interleaved row fails). */
export function records(file: string): string[][] {
  return parse(readFileSync(file, "utf8"), { bom: true }) as string[][];
}
