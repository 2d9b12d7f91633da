import { mkdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { splitValues, type FlaggingCallback } from "./callback.js";
import type { FlaggedComponent } from "./component.js";
import { flagCell } from "./cells.js";
import { appendWhole, csvLine, serialized } from "./append.js";
import { sanitizeRow } from "./sanitize.js";
import { readFlagged } from "./read.js";

/** The file a {@link SimpleCSVLogger} writes, in its flagging folder. */
export const SIMPLE_LOG_FILE = "log.csv";

/**
 * Gradio's simplest flagging callback: each flag is a row of `log.csv` in the flagging folder,
 * one cell per component and nothing else (no header, no flag option, no username, no
 * timestamp). Cells are written as {@link CSVLogger}'s are: files copied beside the CSV, their
 * relative paths in the cells, structured values as JSON, formulas neutralised; rows whole and
 * never interleaved.
 *
 * @example
 * const demo = new vt.Interface({ fn: classify, inputs: "image", outputs: "label", flagging_callback: new vt.SimpleCSVLogger() });
 */
export class SimpleCSVLogger implements FlaggingCallback {
  private components: readonly FlaggedComponent[] | null = null;
  private dir = "";
  private rows: number | null = null;

  /** Remembers the components and creates the folder (as Gradio's does). */
  setup(components: readonly FlaggedComponent[], flaggingDir: string): void {
    if (!Array.isArray(components)) throw new TypeError("SimpleCSVLogger.setup: components must be a list of components");
    if (typeof flaggingDir !== "string" || flaggingDir === "") throw new TypeError("SimpleCSVLogger.setup: flaggingDir must be a folder path");
    this.components = [...components];
    this.dir = resolve(flaggingDir);
    this.rows = null;
    mkdirSync(this.dir, { recursive: true });
  }

  /** The CSV's absolute path. */
  get file(): string {
    return join(this.dir, SIMPLE_LOG_FILE);
  }

  /**
   * Appends one row of the components' values (an event context after them is dropped).
   * Returns how many rows the file holds (counted once, then kept up to date).
   */
  async flag(values: readonly unknown[], _option?: string | null, _username?: string | null): Promise<number> {
    const components = this.components;
    if (!components) throw new Error("SimpleCSVLogger: call setup(components, flaggingDir) before flag()");
    if (!Array.isArray(values)) throw new TypeError("SimpleCSVLogger.flag: values must be a list, one value per component");
    const split = splitValues(values, components.length, null);
    if (split.values.length !== components.length) {
      throw new TypeError(`SimpleCSVLogger.flag: got ${split.values.length} values for ${components.length} components`);
    }
    await mkdir(this.dir, { recursive: true });
    const cells = await Promise.all(components.map((c, i) => flagCell(c, i, split.values[i], { dir: this.dir })));
    const line = csvLine(sanitizeRow(cells));
    return await serialized(this.file, async () => {
      this.rows ??= (await readFlagged(this.file))?.length ?? 0;
      await appendWhole(this.file, line);
      return ++this.rows;
    });
  }
}
