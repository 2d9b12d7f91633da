import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

/**
 * The records of a flagged CSV file (the header first, for a CSVLogger's), as lists of cells;
 * null when it is missing, or not a whole valid CSV (its last line unended, or its quoting
 * broken).
 *
 * @example
 * const [header, ...rows] = (await vt.readFlagged(".vitrine/flagged/dataset1.csv")) ?? [];
 */
export async function readFlagged(file: string): Promise<string[][] | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  if (text !== "" && !text.endsWith("\n")) return null;
  try {
    return parse(text, { bom: true, relax_column_count: true }) as string[][];
  } catch {
    return null;
  }
}
