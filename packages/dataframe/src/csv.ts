/**
 * A CSV file as a table (Node only): what a Dataframe shows when its value, an example or a
 * function's return is a path to a CSV file, as Gradio reads one with pandas.
 */
import { parse } from "csv-parse/sync";
import type { CellValue } from "./cells.js";

/** A parsed CSV: the first row's names, then the rows. */
export interface CsvTable {
  headers: string[];
  data: CellValue[][];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/**
 * Reads CSV text as pandas' `read_csv` does for a table: the first row names the columns; a
 * column whose filled cells are all numbers holds numbers, one whose filled cells are all
 * `True`/`False` holds booleans, any other holds text; an empty cell is null. Rows shorter
 * than the header are filled with nulls.
 */
export function parseCsvTable(text: string): CsvTable {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as string[][];
  if (records.length === 0) return { headers: [], data: [] };
  const headers = records[0]!.map((h) => h.trim());
  const width = Math.max(headers.length, ...records.slice(1).map((r) => r.length));
  while (headers.length < width) headers.push(String(headers.length + 1));
  const rows = records.slice(1);
  const kinds = headers.map((_, c) => {
    const filled = rows.map((r) => (r[c] ?? "").trim()).filter((t) => t !== "");
    if (filled.length === 0) return "str";
    if (filled.every((t) => NUMBER.test(t))) return "number";
    if (filled.every((t) => BOOLEAN.test(t))) return "bool";
    return "str";
  });
  const data = rows.map((r) =>
    headers.map((_, c): CellValue => {
      const raw = r[c] ?? "";
      const t = raw.trim();
      if (t === "") return null;
      if (kinds[c] === "number") return Number(t);
      if (kinds[c] === "bool") return t.toLowerCase() === "true";
      return raw;
    }),
  );
  return { headers, data };
}
