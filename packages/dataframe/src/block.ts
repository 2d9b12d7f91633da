/**
 * Blocks of cells, for the view (no React, no DOM): the rectangle a range selection covers in the
 * rows as shown, its cells as text to copy, emptying it, and pasting a block of cells (what a
 * spreadsheet puts on the clipboard) into a table.
 */
import { readBool, readNumber, type CellValue, type Datatype } from "./cells.js";

/** A rectangle of cells, inclusive: rows by their position as shown (sorted, filtered), columns by index. */
export interface CellRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The rectangle between two corners (each a shown position and a column), in either order. */
export function rectBetween(a: { position: number; col: number }, b: { position: number; col: number }): CellRect {
  return {
    top: Math.min(a.position, b.position),
    bottom: Math.max(a.position, b.position),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/** The cells of a rectangle, row by row as shown (`order` maps a shown position to its row in `data`). */
export function rectCells(data: readonly (readonly CellValue[])[], order: readonly number[], rect: CellRect): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let p = rect.top; p <= rect.bottom && p < order.length; p++) {
    const row = data[order[p]!] ?? [];
    const cells: CellValue[] = [];
    for (let c = rect.left; c <= rect.right; c++) cells.push(row[c] ?? null);
    rows.push(cells);
  }
  return rows;
}

/** What a pasted or cleared text becomes in a column of `type`: numbers and booleans read, empty text null (false for a checkbox). */
export function cellFromText(text: string, type: Datatype): CellValue {
  if (type === "bool") return readBool(text) ?? false;
  if (type === "number") {
    const n = readNumber(text);
    // Text that is no number stays, for the server to refuse with a message naming the cell.
    return n === undefined ? text : n;
  }
  return text;
}

/** The table after an edit of a block, its rows as shown (rows it added last), and the rectangle it wrote (null when it wrote nothing). */
export interface BlockEdit {
  headers: string[];
  data: CellValue[][];
  order: number[];
  rect: CellRect | null;
}

/** Where and how a block may be written. */
export interface BlockTarget {
  headers: readonly string[];
  data: readonly (readonly CellValue[])[];
  /** The rows as shown: `order[position]` is a row of `data`. */
  order: readonly number[];
  types: readonly Datatype[];
  /** Whether each column may be edited. */
  editable: readonly boolean[];
  /** How many rows the table may grow to (0: none added, Infinity: no limit). */
  maxRows: number;
  /** How many columns the table may grow to. */
  maxCols: number;
}

/** Empties every editable cell of a rectangle (a checkbox becomes false). */
export function clearRect(target: BlockTarget, rect: CellRect): BlockEdit {
  const data = target.data.map((r) => r.slice());
  let wrote = false;
  for (let p = rect.top; p <= rect.bottom && p < target.order.length; p++) {
    const row = data[target.order[p]!]!;
    for (let c = rect.left; c <= rect.right && c < row.length; c++) {
      if (!target.editable[c]) continue;
      const empty = cellFromText("", target.types[c] ?? "str");
      if (row[c] !== empty) (row[c] = empty), (wrote = true);
    }
  }
  return { headers: [...target.headers], data, order: [...target.order], rect: wrote ? rect : null };
}

/**
 * Writes a block of texts into a table, its top-left cell at shown position `at.position` and
 * column `at.col`; a 1×1 block given with a `fill` rectangle fills every cell of it instead, as
 * spreadsheets do. Rows below the last one are added (up to `maxRows`) at the end of the data,
 * columns past the last one (up to `maxCols`, named "4", "5", …); what does not fit is left out.
 * Cells of columns that may not be edited keep their value. Each text is read as its column's
 * type (see {@link cellFromText}).
 */
export function pasteBlock(target: BlockTarget, block: readonly (readonly string[])[], at: { position: number; col: number }, fill?: CellRect | null): BlockEdit {
  const headers = [...target.headers];
  const data = target.data.map((r) => r.slice());
  const order = [...target.order];
  if (block.length === 0 || block.every((r) => r.length === 0)) return { headers, data, order, rect: null };
  if (fill && block.length === 1 && block[0]!.length === 1) {
    const text = block[0]![0]!;
    const wanted = Array.from({ length: fill.bottom - fill.top + 1 }, () => Array.from({ length: fill.right - fill.left + 1 }, () => text));
    return pasteBlock(target, wanted, { position: fill.top, col: fill.left });
  }
  const blockWidth = Math.max(...block.map((r) => r.length));
  // Columns past the last one, as far as the limit allows.
  const cols = Math.min(at.col + blockWidth, Math.max(headers.length, target.maxCols));
  while (headers.length < cols) {
    headers.push(String(headers.length + 1));
    for (const row of data) row.push("");
  }
  const types = Array.from({ length: headers.length }, (_, c) => target.types[c] ?? "str");
  // (Columns are added only to a table whose columns the user may add: those are editable.)
  const editable = Array.from({ length: headers.length }, (_, c) => target.editable[c] ?? true);
  // Rows below the last one shown, as far as the limit allows.
  const rows = Math.min(at.position + block.length, order.length + Math.max(0, target.maxRows - data.length));
  while (order.length < rows) {
    order.push(data.length);
    data.push(types.map((t) => (t === "bool" ? false : "")));
  }
  let wrote = false;
  for (let i = 0; i < block.length && at.position + i < rows; i++) {
    const row = data[order[at.position + i]!]!;
    block[i]!.forEach((text, j) => {
      const c = at.col + j;
      if (c >= headers.length || !editable[c]) return;
      row[c] = cellFromText(text, types[c]!);
      wrote = true;
    });
  }
  const rect = { top: at.position, left: at.col, bottom: rows - 1, right: Math.min(at.col + blockWidth, headers.length) - 1 };
  return { headers, data, order, rect: wrote ? rect : null };
}

/**
 * A clipboard's text as a block of cells: tab-separated rows (what spreadsheets copy), with
 * their quoting of cells that hold tabs, quotes or line breaks; a text without a tab is one
 * column, a line per cell. A trailing line break ends the last row, not a new one.
 */
export async function parseClipboardBlock(text: string): Promise<string[][]> {
  const body = text.replace(/\r?\n$/, "");
  if (body === "") return [];
  if (!body.includes("\t")) return body.split(/\r?\n/).map((line) => [line]);
  // The CSV parser is loaded on the first paste of a block only (a chunk beside the view).
  const { parse } = await import("csv-parse/browser/esm/sync");
  return parse(body, { delimiter: "\t", relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}
