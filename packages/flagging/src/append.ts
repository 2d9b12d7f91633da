import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, open, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import { stringify } from "csv-stringify/sync";

/**
 * How flagged rows reach the disk, so that the CSV stays valid whatever happens.
 *
 * **One row, one `write`.** A row is turned into its full CSV text first, then appended with a
 * single `write(2)` on a file opened with `O_APPEND`. A process killed (or crashing) mid-flag
 * stops either before that call or after it: the kernel never leaves half of one write in a
 * regular file because its writer died. If the write itself comes up short (a full disk), the
 * file is cut back to its size before the row, and the flag fails with the error. So the CSV
 * holds only whole rows.
 *
 * Writing a temporary copy and renaming it over the CSV would be as safe but copy the whole file
 * on every flag, which grows with the dataset; appending costs one row. The one place where a
 * whole file is written is its creation: the header goes to a temporary file that is then
 * hard-linked to the CSV's name, which fails if the CSV exists, so a CSV never appears without
 * its header, and two writers never both write one.
 *
 * **One writer per file.** Flags of one file are queued in this process (whichever logger
 * writes them): rows never interleave and each row goes whole. Several processes appending to
 * one file also get whole rows (`O_APPEND` writes are atomic against each other on local
 * filesystems), though each process counts only the rows it has seen.
 */

/** The CSV line end: CRLF, as RFC 4180 and Python's csv module (Gradio) write. */
export const RECORD_DELIMITER = "\r\n";

/** One row as CSV text (quoted where needed), line end included. */
export function csvLine(row: readonly string[]): string {
  return stringify([row as string[]], { record_delimiter: "windows", quoted_empty: true, quoted_match: /[\r\n]/ }) as string;
}

/** The tail of the queue of each file (by absolute path). */
const queues = new Map<string, Promise<void>>();

/**
 * Runs `task` when every task queued before it for the same `key` (a file's path) has ended,
 * so that tasks on one file never overlap in this process.
 */
export function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const id = resolve(key);
  const before = queues.get(id) ?? Promise.resolve();
  const run = before.then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(id, tail);
  void tail.then(() => {
    if (queues.get(id) === tail) queues.delete(id);
  });
  return run;
}

/**
 * Appends `text` to `file` in one `write`; a short or failed write is undone (the file cut back
 * to its size before) and reported. With `create: false`, a missing file is not created and
 * the answer is false. Call it through {@link serialized}.
 */
export async function appendWhole(file: string, text: string, options: { create?: boolean } = {}): Promise<boolean> {
  const bytes = Buffer.from(text, "utf8");
  const flags = constants.O_WRONLY | constants.O_APPEND | (options.create === false ? 0 : constants.O_CREAT);
  let handle: FileHandle;
  try {
    handle = await open(file, flags, 0o644);
  } catch (err) {
    if (options.create === false && (err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  try {
    const { size } = await handle.stat();
    let written = 0;
    try {
      written = (await handle.write(bytes, 0, bytes.length)).bytesWritten;
    } catch (err) {
      await handle.truncate(size).catch(() => undefined);
      throw err;
    }
    if (written !== bytes.length) {
      await handle.truncate(size).catch(() => undefined);
      throw new Error(`Flagging: could not write a whole row to ${file} (${written} of ${bytes.length} bytes; is the disk full?)`);
    }
    return true;
  } finally {
    await handle.close();
  }
}

/**
 * Creates `file` holding `text` (a header) unless it exists: written to a temporary file, then
 * linked to its name in one step. Returns whether this call created it.
 */
export async function createWhole(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, text, { flag: "wx" });
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
