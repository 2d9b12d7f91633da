import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileData, type FileData, type FileStore, type ProcessContext } from "@vitrine/core";

/**
 * A {@link FileStore} over a fresh temp folder, for process tests: `save` writes a file named by
 * its content, `adopt` copies one in, `resolve` accepts only files inside the folder. `saved`
 * lists what was written; `dispose()` removes the folder.
 */
export class TempFileStore implements FileStore {
  /** The temp folder the files are written to. */
  readonly dir = mkdtempSync(join(tmpdir(), "vitrine-files-"));
  /** Every file `save` wrote, in order. */
  readonly saved: FileData[] = [];
  /** A process context using this store. */
  readonly context: ProcessContext = { files: this };

  async save(data: Uint8Array, options: { name?: string; mime_type?: string } = {}): Promise<FileData> {
    const hash = createHash("sha256").update(data).digest("hex").slice(0, 16);
    const path = join(this.dir, `${hash}-${options.name ?? "file"}`);
    await writeFile(path, data);
    const file = fileData(path, { orig_name: options.name ?? null, size: data.length, mime_type: options.mime_type ?? null });
    this.saved.push(file);
    return file;
  }

  async adopt(path: string, options: { name?: string; mime_type?: string } = {}): Promise<FileData> {
    return this.save(await readFile(path), { name: options.name ?? basename(path), ...(options.mime_type ? { mime_type: options.mime_type } : {}) });
  }

  async resolve(file: FileData): Promise<string> {
    if (!file.path.startsWith(this.dir)) throw new Error(`Not a file of this store: ${file.path}`);
    return file.path;
  }

  async read(path: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(path));
  }

  /** Removes the folder and everything in it. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
