import { readdir, mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { splitValues, type FlaggingCallback } from "./callback.js";
import { columnName, type FlaggedComponent } from "./component.js";
import { flagCell } from "./cells.js";
import { appendWhole, createWhole, csvLine, serialized } from "./append.js";
import { sanitizeRow } from "./sanitize.js";
import { readFlagged } from "./read.js";

/** Options of a {@link CSVLogger}. */
export interface CSVLoggerOptions {
  /**
   * Whether files inside structured values are written as their relative paths (default
   * true); `false` keeps each FileData's fields, its `path` pointing at the copy.
   */
  simplify_file_data?: boolean;
  /** Whether the logger prints which dataset file it writes to (default true). */
  verbose?: boolean;
  /**
   * The CSV's file name in the flagging folder (ending in `.csv`). By default `dataset1.csv`,
   * or the latest `datasetN.csv` whose header is this app's, else the next number.
   */
  dataset_file_name?: string | null;
}

/** The columns every row has after the components'. */
export const EXTRA_COLUMNS = ["flag", "username", "timestamp"] as const;

const DATASET_FILE = /^dataset(\d+)\.csv$/;

/**
 * Gradio's default flagging callback: each flag is a row of a CSV in the flagging folder,
 * one column per component (headed by its label), then `flag` (the option chosen, if any),
 * `username` (the logged-in user, if any) and `timestamp` (ISO 8601, UTC). The header is
 * written once, when the file is created. Files are copied into a folder per component beside
 * the CSV, and their cells hold the copies' paths relative to it; structured values are JSON.
 * Cells that a spreadsheet would run as formulas are neutralised (see {@link sanitizeCell}).
 *
 * The CSV is `dataset1.csv` … : when the components' labels change (so the header would),
 * the next number is started, and earlier files are left as they are. Concurrent flags never
 * interleave rows, and a crash leaves whole rows only (see `append.ts`).
 *
 * Unlike Gradio's, `flag` and `username` are columns of every dataset file (empty when not
 * given), so that a file's header does not depend on its first flag.
 *
 * @example
 * const demo = new vt.Interface({
 *   fn: classify,
 *   inputs: vt.Image(),
 *   outputs: vt.Label(),
 *   flagging_options: ["wrong", "offensive"],
 *   flagging_callback: new vt.CSVLogger(),
 * });
 */
export class CSVLogger implements FlaggingCallback {
  /** The options it was created with. */
  readonly options: Readonly<CSVLoggerOptions>;
  private components: readonly FlaggedComponent[] | null = null;
  private dir = "";
  /** The dataset file and how many rows it holds, once the first flag has chosen it. */
  private dataset: Promise<{ file: string; rows: number }> | null = null;

  constructor(options: CSVLoggerOptions = {}) {
    const name = options.dataset_file_name;
    if (name != null && (typeof name !== "string" || !name.endsWith(".csv") || /[\\/]/.test(name))) {
      throw new TypeError(`CSVLogger: dataset_file_name must be a file name ending in ".csv", got ${JSON.stringify(name)}`);
    }
    this.options = options;
  }

  /** Remembers the components and the folder; nothing is written until the first flag. */
  setup(components: readonly FlaggedComponent[], flaggingDir: string): void {
    if (!Array.isArray(components)) throw new TypeError("CSVLogger.setup: components must be a list of components");
    if (typeof flaggingDir !== "string" || flaggingDir === "") throw new TypeError("CSVLogger.setup: flaggingDir must be a folder path");
    this.components = [...components];
    this.dir = resolve(flaggingDir);
    this.dataset = null;
  }

  /** The CSV's absolute path, once the first flag has chosen it (else null). */
  async datasetFile(): Promise<string | null> {
    return this.dataset ? (await this.dataset).file : null;
  }

  /** The header: the components' labels, then `flag`, `username`, `timestamp`. */
  headers(): string[] {
    return [...this.requireSetup().map(columnName), ...EXTRA_COLUMNS];
  }

  /**
   * Appends one row. `values` are the components' wire values in `setup` order (an event
   * context after them, as `(...values) => logger.flag(values)` passes it, is dropped and its
   * username used). Returns how many rows the dataset file holds.
   */
  async flag(values: readonly unknown[], option?: string | null, username?: string | null): Promise<number> {
    const components = this.requireSetup();
    if (!Array.isArray(values)) throw new TypeError("CSVLogger.flag: values must be a list, one value per component");
    const split = splitValues(values, components.length, username);
    if (split.values.length !== components.length) {
      throw new TypeError(`CSVLogger.flag: got ${split.values.length} values for ${components.length} components`);
    }
    if (option != null && typeof option !== "string") throw new TypeError(`CSVLogger.flag: the flag option must be a string, got ${JSON.stringify(option)}`);
    await mkdir(this.dir, { recursive: true });
    const cells = await Promise.all(
      components.map((c, i) => flagCell(c, i, split.values[i], { dir: this.dir, simplifyFileData: this.options.simplify_file_data })),
    );
    const row = sanitizeRow([...cells, option ?? "", split.username ?? "", new Date().toISOString()]);
    const line = csvLine(row);
    for (;;) {
      const dataset = await this.currentDataset();
      const appended = await serialized(dataset.file, async () => {
        if (!(await appendWhole(dataset.file, line, { create: false }))) return null;
        return ++dataset.rows;
      });
      if (appended !== null) return appended;
      // The file was removed while the app ran: start it again, header first.
      this.dataset = null;
    }
  }

  /** The dataset file, chosen at the first flag (a failed choice is tried again at the next). */
  private currentDataset(): Promise<{ file: string; rows: number }> {
    if (!this.dataset) {
      const choice = this.chooseDataset();
      this.dataset = choice;
      choice.catch(() => {
        if (this.dataset === choice) this.dataset = null;
      });
    }
    return this.dataset;
  }

  private requireSetup(): readonly FlaggedComponent[] {
    if (!this.components) throw new Error("CSVLogger: call setup(components, flaggingDir) before flag()");
    return this.components;
  }

  /** Picks the dataset file (creating it with its header) and counts its rows. */
  private async chooseDataset(): Promise<{ file: string; rows: number }> {
    const header = sanitizeRow(this.headers());
    // One choice at a time per folder, so that two loggers there agree on the file.
    return await serialized(this.dir, async () => {
      let file: string;
      const named = this.options.dataset_file_name;
      if (named) file = join(this.dir, named);
      else {
        const numbers = (await readdir(this.dir))
          .map((name) => DATASET_FILE.exec(name)?.[1])
          .filter((n): n is string => n !== undefined)
          .map(Number);
        const latest = numbers.length ? Math.max(...numbers) : 0;
        const existing = latest ? await readDataset(join(this.dir, `dataset${latest}.csv`)) : null;
        const same = existing !== null && existing.header.length === header.length && existing.header.every((h, i) => h === header[i]);
        file = join(this.dir, `dataset${same ? latest : latest + 1}.csv`);
      }
      const created = await serialized(file, () => createWhole(file, csvLine(header)));
      const rows = created ? 0 : ((await readDataset(file))?.rows ?? 0);
      if (this.options.verbose !== false) console.log(`[vitrine] ${created ? "Created" : "Using existing"} dataset file at: ${file}`);
      return { file, rows };
    });
  }
}

/** A dataset file's header and its number of rows; null when it is not a whole, valid CSV (then a new file is started rather than appending to it). */
async function readDataset(file: string): Promise<{ header: string[]; rows: number } | null> {
  const records = await readFlagged(file);
  const [header, ...rows] = records ?? [];
  return header ? { header, rows: rows.length } : null;
}
