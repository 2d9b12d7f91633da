import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import type { AnyComponent } from "@vitrine/core";

/** The file in an examples folder that lists the examples, one row each (Gradio's format). */
export const EXAMPLES_LOG = "log.csv";

/** Examples read from a folder by {@link readExamplesFolder}. */
export interface ExamplesFolder {
  /** The folder, as an absolute path. */
  directory: string;
  /** One row per example, one value per input. */
  rows: unknown[][];
  /** The header row of `log.csv` (its column labels), or `null` when there is no `log.csv`. */
  headers: string[] | null;
}

/**
 * Reads examples from a folder, as Gradio does: `log.csv` has a header row (the components'
 * labels) and one row per example, whose first cells are the inputs' values in order (further
 * columns, such as outputs and flags, are ignored). Without `log.csv`, a single input takes each
 * file of the folder as an example (its absolute path, in name order).
 *
 * Each cell becomes the value its input takes, from the input's API type: a number for number
 * inputs, `true`/`false` for booleans, the text for strings; an empty cell is `null` (no value).
 * Paths are kept as written: inputs that take files are not there yet.
 */
export function readExamplesFolder(folder: string, inputs: readonly AnyComponent[]): ExamplesFolder {
  const directory = resolve(folder);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new Error(`Examples: ${JSON.stringify(folder)} is not a folder (looked in ${directory})`);
  }
  const log = join(directory, EXAMPLES_LOG);
  if (!existsSync(log)) {
    if (inputs.length !== 1) {
      throw new Error(`Examples: ${log} not found: a folder of examples for ${inputs.length} inputs needs a ${EXAMPLES_LOG}`);
    }
    const files = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
    return { directory, rows: files.map((name) => [join(directory, name)]), headers: null };
  }
  let records: string[][];
  try {
    records = parse(readFileSync(log, "utf8"), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new Error(`Examples: ${log} is not valid CSV: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const [headers, ...body] = records;
  if (!headers) throw new Error(`Examples: ${log} is empty (it needs a header row, then one row per example)`);
  if (headers.length < inputs.length) {
    throw new Error(`Examples: ${log} has ${headers.length} columns but there are ${inputs.length} inputs`);
  }
  const rows = body.map((record, r) =>
    inputs.map((input, i) => {
      try {
        return fromCell(input, record[i] ?? "");
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`Examples: ${log}, row ${r + 2}, column ${JSON.stringify(headers[i])}: ${reason}`, { cause: err });
      }
    }),
  );
  return { directory, rows, headers };
}

/** One CSV cell as the value `input` takes, read from the input's API type (JSON schema). */
export function fromCell(input: AnyComponent, cell: string): unknown {
  if (cell === "") return null;
  const schema = input.api().type as { type?: unknown; enum?: unknown };
  if (Array.isArray(schema.enum)) {
    const choice = schema.enum.find((v) => String(v) === cell);
    if (choice !== undefined) return choice;
  }
  switch (schema.type) {
    case "string":
      return cell;
    case "number":
    case "integer": {
      const n = Number(cell.trim());
      if (cell.trim() === "" || !Number.isFinite(n)) throw new TypeError(`${JSON.stringify(cell)} is not a number`);
      return n;
    }
    case "boolean": {
      const word = cell.trim().toLowerCase();
      if (word === "true") return true;
      if (word === "false") return false;
      throw new TypeError(`${JSON.stringify(cell)} is not true or false`);
    }
    default:
      // Lists, objects and anything else: JSON when it parses, the text otherwise.
      try {
        return JSON.parse(cell);
      } catch {
        return cell;
      }
  }
}
