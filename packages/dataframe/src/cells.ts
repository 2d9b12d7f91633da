/**
 * Cells and columns, shared by the server side and the view (no Node, no React): the wire value,
 * datatypes, how a cell is read as its column's type, how cells compare when a column is sorted,
 * and the text a table copies to the clipboard.
 */

/** A cell's value on the wire and in the function: a string, a number, a boolean, or null (empty). */
export type CellValue = string | number | boolean | null;

/** A column's datatype, as Gradio's `datatype` ("image": the cell holds an image's URL, shown as the image). */
export type Datatype = "str" | "number" | "bool" | "date" | "markdown" | "html" | "image";

/** Every datatype a column may have. */
export const DATATYPES: readonly Datatype[] = ["str", "number", "bool", "date", "markdown", "html", "image"];

/**
 * Per-cell display data, as Gradio's `metadata`: `display_value` (the text shown instead of the
 * value, e.g. a number formatted) and `styling` (a CSS declaration list per cell), both rows of
 * columns; either may be null.
 */
export interface DataframeMetadata {
  [key: string]: unknown[] | null | undefined;
  /** Text shown instead of each cell's value (null: the value). */
  display_value?: (string | null)[][] | null;
  /** A CSS declaration list per cell (null: none). */
  styling?: (string | null)[][] | null;
}

/** The wire value, Gradio's DataframeData: the column headers, the rows, and optional metadata. */
export interface DataframeData {
  /** Column headers. */
  headers: string[];
  /** The rows, each a list of cell values. */
  data: CellValue[][];
  /** Per-cell display text and styling, or null. */
  metadata?: DataframeMetadata | null;
}

/** The datatype of column `col` under a `datatype` prop (one for all columns, or one per column; "str" past the list). */
export function columnType(datatype: Datatype | readonly Datatype[] | undefined, col: number): Datatype {
  if (datatype === undefined) return "str";
  if (typeof datatype === "string") return datatype;
  return datatype[col] ?? "str";
}

/**
 * Each column's datatype from its cells (Gradio's `datatype="auto"`): "number" when every
 * filled cell is a number, "bool" when every one is a boolean, "date" when every one is a
 * Date, "str" otherwise (and for a column with no filled cell).
 */
export function inferDatatypes(rows: readonly (readonly unknown[])[], width: number): Datatype[] {
  return Array.from({ length: width }, (_, c) => {
    const filled = rows.map((r) => r[c]).filter((v) => v !== null && v !== undefined && v !== "");
    if (filled.length === 0) return "str";
    if (filled.every((v) => typeof v === "number" || typeof v === "bigint")) return "number";
    if (filled.every((v) => typeof v === "boolean")) return "bool";
    if (filled.every((v) => v instanceof Date)) return "date";
    return "str";
  });
}

/** Reads a number from a cell: a finite number, or a numeric string; null for an empty cell; undefined when it is not a number. */
export function readNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const text = value.trim().replace(/_/g, "");
    if (text === "") return null;
    if (/^nan$/i.test(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Reads a boolean from a cell: a boolean, 1/0, or "true"/"false"/"1"/"0" in any case; null for empty; undefined otherwise. */
export function readBool(value: unknown): boolean | null | undefined {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
  }
  return undefined;
}

/** The time of a date cell (ms since the epoch), or NaN when it is no date. */
export function dateTime(value: unknown): number {
  if (value === null || value === undefined || value === "" || typeof value === "boolean") return Number.NaN;
  return new Date(value as string | number).getTime();
}

/**
 * A cell read as its column's datatype: numbers for "number" (numeric text parsed), booleans for
 * "bool", the value as is for the others. `{ error }` names what is wrong when it cannot be read.
 */
export function coerceCell(value: unknown, type: Datatype): { value: CellValue } | { error: string } {
  if (value instanceof Date) value = Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value === undefined) value = null;
  if (value !== null && typeof value === "object") return { error: "is not a cell value (a string, a number, a boolean or null)" };
  if (typeof value === "bigint") value = Number(value);
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean" && value !== null) {
    return { error: "is not a cell value (a string, a number, a boolean or null)" };
  }
  if (type === "number") {
    const n = readNumber(value);
    return n === undefined ? { error: "is not a number" } : { value: n };
  }
  if (type === "bool") {
    const b = readBool(value);
    return b === undefined ? { error: "is not a boolean (true or false)" } : { value: b };
  }
  if (type === "date" && value !== null && value !== "" && Number.isNaN(dateTime(value))) {
    return { error: "is not a date" };
  }
  if (typeof value === "number" && !Number.isFinite(value)) return { value: null };
  return { value: value as CellValue };
}

/** The text a cell shows (and copies): "" for null. */
export function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Compares two cells of a column for sorting: numbers numerically, dates by date, booleans
 * false before true, text naturally ("item 2" before "item 10"). Empty cells sort last whatever
 * the direction, so `direction` is applied here.
 */
export function compareCells(a: CellValue, b: CellValue, type: Datatype, direction: 1 | -1): number {
  const emptyA = a === null || a === "";
  const emptyB = b === null || b === "";
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  let order: number;
  if (type === "number" || (typeof a === "number" && typeof b === "number")) {
    const x = readNumber(a);
    const y = readNumber(b);
    order = typeof x === "number" && typeof y === "number" ? x - y : naturalCompare(cellText(a), cellText(b));
  } else if (type === "date") {
    const x = dateTime(a);
    const y = dateTime(b);
    order = Number.isNaN(x) || Number.isNaN(y) ? naturalCompare(cellText(a), cellText(b)) : x - y;
  } else if (type === "bool" || (typeof a === "boolean" && typeof b === "boolean")) {
    order = Number(readBool(a) ?? false) - Number(readBool(b) ?? false);
  } else {
    order = naturalCompare(cellText(a), cellText(b));
  }
  return order * direction;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A field of CSV: quoted when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A field of TSV: tabs and line breaks become spaces (spreadsheets paste TSV cell by cell). */
function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ");
}

/** Rows as CSV (RFC 4180 quoting), one line each, `\n` between lines. */
export function toCsv(rows: readonly (readonly (CellValue | string)[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(",")).join("\n");
}

/** Rows as TSV, one line each, what spreadsheets paste as cells. */
export function toTsv(rows: readonly (readonly (CellValue | string)[])[]): string {
  return rows.map((row) => row.map((cell) => tsvField(cellText(cell))).join("\t")).join("\n");
}

/** A row or column count prop: a number, or `[n, "fixed" | "dynamic"]` (Gradio 5). */
export type Count = number | readonly [number, "fixed" | "dynamic"];

/** A count prop as `[n, "fixed" | "dynamic"]`; a bare number is dynamic. */
export function normalizeCount(count: Count | null | undefined, fallback: number, what: string): [number, "fixed" | "dynamic"] {
  if (count === null || count === undefined) return [fallback, "dynamic"];
  if (typeof count === "number") {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Dataframe: ${what} must be a whole number ≥ 0, got ${count}`);
    return [count, "dynamic"];
  }
  if (!Array.isArray(count) || count.length !== 2 || !Number.isInteger(count[0]) || count[0] < 0 || (count[1] !== "fixed" && count[1] !== "dynamic")) {
    throw new TypeError(`Dataframe: ${what} must be a number or [n, "fixed" | "dynamic"], got ${JSON.stringify(count)}`);
  }
  return [count[0], count[1]];
}

/** A filter's condition (`show_search: "filter"`): on text, or on numbers, or emptiness. */
export type FilterCondition =
  | "contains" | "does not contain" | "starts with" | "ends with" | "is" | "is not"
  | "=" | "≠" | ">" | "<" | "≥" | "≤"
  | "is empty" | "is not empty";

/** Every filter condition, text ones first. */
export const FILTER_CONDITIONS: readonly FilterCondition[] = [
  "contains", "does not contain", "starts with", "ends with", "is", "is not",
  "=", "≠", ">", "<", "≥", "≤", "is empty", "is not empty",
];

/** Whether a condition needs no text (emptiness). */
export function conditionIsUnary(condition: FilterCondition): boolean {
  return condition === "is empty" || condition === "is not empty";
}

/**
 * Whether a cell meets a filter: text conditions compare case-insensitively; number conditions
 * compare numerically (a cell or a needle that is no number never meets them).
 */
export function matchesFilter(value: CellValue, condition: FilterCondition, needle: string): boolean {
  const text = cellText(value).toLowerCase();
  const want = needle.trim().toLowerCase();
  switch (condition) {
    case "contains": return text.includes(want);
    case "does not contain": return !text.includes(want);
    case "starts with": return text.startsWith(want);
    case "ends with": return text.endsWith(want);
    case "is": return text === want;
    case "is not": return text !== want;
    case "is empty": return text.trim() === "";
    case "is not empty": return text.trim() !== "";
  }
  const x = readNumber(value);
  const y = readNumber(needle);
  if (typeof x !== "number" || typeof y !== "number") return false;
  switch (condition) {
    case "=": return x === y;
    case "≠": return x !== y;
    case ">": return x > y;
    case "<": return x < y;
    case "≥": return x >= y;
    case "≤": return x <= y;
  }
  return false;
}
