/**
 * Turns the tables a function may return for a native plot into Gradio's `NativePlotData` columns, rows
 * and datatypes, and back into records. Pure: no Node, no DOM.
 */
import type { NativePlotCell, NativePlotData, NativePlotDatatype, NativePlotMark } from "./types.js";

/** A cell as a function may return it: a Date is a point in time, undefined and NaN are empty. */
export type NativePlotInputCell = string | number | bigint | boolean | Date | null | undefined;

/** One row as an object keyed by column name (pandas' "records"). */
export type NativePlotRecord = Readonly<Record<string, NativePlotInputCell>>;

/**
 * A table a native plot accepts as its value or a function's return:
 * - records: `[{ day: 1, sales: 10 }, …]`;
 * - columns: `{ day: [1, 2], sales: [10, 12] }` (what `pd.DataFrame({...})` is built from);
 * - a Dataframe's value: `{ headers: ["day", "sales"], data: [[1, 10], [2, 12]] }`;
 * - rows without names: `[[1, 10], [2, 12]]`, whose columns are the plot's `x`, `y` (and `color`), in that order;
 * - Gradio's wire form `{ columns, data, datatypes?, mark? }` (a Gradio app's payload), passed through.
 */
export type NativePlotValue =
  | readonly NativePlotRecord[]
  | Readonly<Record<string, readonly NativePlotInputCell[]>>
  | { readonly headers: readonly (string | number)[]; readonly data: readonly (readonly NativePlotInputCell[])[]; readonly metadata?: unknown }
  | readonly (readonly NativePlotInputCell[])[]
  | {
      readonly columns: readonly string[];
      readonly data: readonly (readonly NativePlotInputCell[])[];
      readonly datatypes?: Readonly<Record<string, NativePlotDatatype>>;
      readonly mark?: string;
    };

/** A table as columns and rows of wire cells, with each column's datatype. */
export interface NativePlotTable {
  columns: string[];
  data: NativePlotCell[][];
  datatypes: Record<string, NativePlotDatatype>;
}

/** The error a malformed table gets: its message says what is wrong, for the plot to prefix. */
export class PlotTableError extends Error {}

const DATATYPES: readonly NativePlotDatatype[] = ["quantitative", "nominal", "temporal"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** A cell on the wire: Dates as ms since the epoch, bigints as numbers, NaN/undefined as null. */
export function wireCell(cell: unknown, where: () => string): NativePlotCell {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const ms = cell.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  switch (typeof cell) {
    case "number":
      return Number.isFinite(cell) ? cell : null;
    case "bigint":
      return Number(cell);
    case "string":
    case "boolean":
      return cell;
    default:
      throw new PlotTableError(`${where()} is ${describe(cell)}; a cell must be a number, text, a boolean, a Date or null`);
  }
}

/**
 * A column's datatype from its cells, as Gradio reads a pandas dtype: numbers are
 * `quantitative`, Dates `temporal`, anything else (text, booleans, a mix) `nominal`.
 * A column with no value at all is `nominal`, as an empty pandas column is.
 */
export function inferDatatype(cells: readonly unknown[]): NativePlotDatatype {
  let kind: NativePlotDatatype | null = null;
  for (const cell of cells) {
    if (cell === null || cell === undefined || (typeof cell === "number" && Number.isNaN(cell))) continue;
    const here: NativePlotDatatype =
      typeof cell === "number" || typeof cell === "bigint" ? "quantitative" : cell instanceof Date ? "temporal" : "nominal";
    if (kind !== null && kind !== here) return "nominal";
    kind = here;
  }
  return kind ?? "nominal";
}

function checkColumns(columns: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return columns.map((name, i) => {
    if (typeof name !== "string" && typeof name !== "number") {
      throw new PlotTableError(`column ${i} has ${describe(name)} as its name; names must be text`);
    }
    const text = String(name);
    if (seen.has(text)) throw new PlotTableError(`two columns are named ${JSON.stringify(text)}`);
    seen.add(text);
    return text;
  });
}

/** Builds the table from column names and raw rows (each as long as `columns`). */
function fromRows(
  columns: string[],
  rows: readonly unknown[],
  given?: Readonly<Record<string, unknown>>,
): NativePlotTable {
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) throw new PlotTableError(`row ${r} is ${describe(row)}, not an array of cells`);
    if (row.length !== columns.length) {
      throw new PlotTableError(`row ${r} has ${row.length} cells but there are ${columns.length} columns (${columns.join(", ")})`);
    }
  });
  const raw = rows as readonly (readonly unknown[])[];
  const datatypes: Record<string, NativePlotDatatype> = {};
  columns.forEach((name, c) => {
    const stated = given?.[name];
    if (stated !== undefined) {
      if (!DATATYPES.includes(stated as NativePlotDatatype)) {
        throw new PlotTableError(`column ${JSON.stringify(name)} has datatype ${JSON.stringify(stated)}; use ${DATATYPES.join(", ")}`);
      }
      datatypes[name] = stated as NativePlotDatatype;
    } else {
      datatypes[name] = inferDatatype(raw.map((row) => row[c]));
    }
  });
  const data = raw.map((row, r) => row.map((cell, c) => wireCell(cell, () => `row ${r}, column ${JSON.stringify(columns[c])}`)));
  return { columns, data, datatypes };
}

/** Records: the columns are the keys, in order of first appearance; a missing key is an empty cell. */
function fromRecords(records: readonly unknown[]): NativePlotTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, r) => {
    if (!isObject(record)) throw new PlotTableError(`row ${r} is ${describe(record)}; records must all be objects`);
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  });
  const rows = (records as readonly Record<string, unknown>[]).map((record) => columns.map((c) => record[c]));
  return fromRows(columns, rows);
}

/** Columns: `{ name: cells[] }`, all as long as each other. */
function fromColumnArrays(table: Record<string, unknown>): NativePlotTable {
  const columns = Object.keys(table);
  const lengths = columns.map((c) => (table[c] as unknown[]).length);
  const length = lengths[0] ?? 0;
  const uneven = columns.findIndex((_, i) => lengths[i] !== length);
  if (uneven >= 0) {
    throw new PlotTableError(
      `column ${JSON.stringify(columns[uneven])} has ${lengths[uneven]} values but ${JSON.stringify(columns[0])} has ${length}; columns must be as long as each other`,
    );
  }
  const rows = Array.from({ length }, (_, r) => columns.map((c) => (table[c] as unknown[])[r]));
  return fromRows(columns, rows);
}

/**
 * Normalizes any {@link NativePlotValue} into columns, wire rows and datatypes. `positional` names the
 * columns of nameless rows (the plot's x, y and color). Throws a {@link PlotTableError} saying
 * what is wrong with a malformed table.
 */
export function toPlotTable(value: unknown, positional: readonly string[]): NativePlotTable {
  if (Array.isArray(value)) {
    if (value.length === 0) return { columns: [...positional], data: [], datatypes: Object.fromEntries(positional.map((c) => [c, "nominal" as const])) };
    if (value.every((row) => Array.isArray(row))) {
      if (positional.length < 2) {
        throw new PlotTableError("rows without column names need the plot's x and y set (they name the columns, in order x, y, color); or return records or { headers, data }");
      }
      const width = (value[0] as unknown[]).length;
      if (width !== positional.length) {
        throw new PlotTableError(
          `rows without column names are read as the columns ${positional.map((c) => JSON.stringify(c)).join(", ")} (x, y${positional.length > 2 ? ", color" : ""}), but row 0 has ${width} cells; name the columns with { headers, data } or records`,
        );
      }
      return fromRows([...positional], value);
    }
    return fromRecords(value);
  }
  if (!isObject(value)) {
    throw new PlotTableError(`a plot takes a table (records, { headers, data }, columns or rows), not ${describe(value)}`);
  }
  if (Array.isArray(value.columns) && Array.isArray(value.data) && !Array.isArray(value.headers)) {
    const datatypes = value.datatypes;
    if (datatypes !== undefined && datatypes !== null && !isObject(datatypes)) {
      throw new PlotTableError(`datatypes must be an object of column → datatype, not ${describe(datatypes)}`);
    }
    return fromRows(checkColumns(value.columns), value.data, (datatypes ?? undefined) as Record<string, unknown> | undefined);
  }
  if (Array.isArray(value.headers) && Array.isArray(value.data)) {
    return fromRows(checkColumns(value.headers), value.data);
  }
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => Array.isArray(value[k]))) return fromColumnArrays(value);
  throw new PlotTableError(
    `a plot takes records, { headers, data }, { column: values[] } or rows; got an object with keys ${keys.map((k) => JSON.stringify(k)).join(", ") || "(none)"}`,
  );
}

/** The wire value: the table and the mark. */
export function toPlotData(value: unknown, mark: NativePlotMark, positional: readonly string[]): NativePlotData {
  const table = toPlotTable(value, positional);
  return { columns: table.columns, data: table.data, datatypes: table.datatypes, mark };
}

/**
 * The rows of a plot's value as records keyed by column name (temporal cells stay ms numbers):
 * how a function that takes a plot as input reads it.
 * @example nativePlotRecords(data).map((r) => r.sales)
 */
export function nativePlotRecords(value: Pick<NativePlotData, "columns" | "data">): Record<string, NativePlotCell>[] {
  return value.data.map((row) => Object.fromEntries(value.columns.map((c, i) => [c, row[i] ?? null])));
}
