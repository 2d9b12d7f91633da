/**
 * CSV injection (formula injection): a spreadsheet that opens a CSV runs a cell starting with
 * `=`, `+`, `-` or `@` as a formula, and tab or carriage return can smuggle one in. OWASP's
 * advice, which Gradio follows (`utils.sanitize_value_for_csv`): prefix such a cell with a
 * single quote, so that spreadsheets show it as text. See
 * https://owasp.org/www-community/attacks/CSV_Injection.
 */

/** First characters that make a spreadsheet read a cell as a formula. */
export const UNSAFE_PREFIXES: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\n"];

/**
 * Sequences inside a cell that start a formula once the cell is split on commas (by a tool that
 * ignores CSV quoting), as Gradio checks.
 */
const UNSAFE_SEQUENCES: readonly string[] = UNSAFE_PREFIXES.map((p) => `,${p}`);

/**
 * One cell made safe for spreadsheets: a cell starting with (or holding a comma followed by)
 * `=`, `+`, `-`, `@`, tab, carriage return or line feed gets a leading `'`. Numbers are safe as
 * they are (`-3` is a number, not a formula) and are returned as their text; a valid JSON
 * object or array (what structured values become) is kept as it is.
 *
 * @example
 * sanitizeCell("=1+1"); // "'=1+1"
 * sanitizeCell(-3); // "-3"
 */
export function sanitizeCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  if ((value.startsWith("{") || value.startsWith("[")) && isJson(value)) return value;
  const unsafe = UNSAFE_PREFIXES.some((p) => value.startsWith(p)) || UNSAFE_SEQUENCES.some((s) => value.includes(s));
  return unsafe ? `'${value}` : value;
}

/** Every cell of a row made safe by {@link sanitizeCell}. */
export function sanitizeRow(row: readonly (string | number)[]): string[] {
  return row.map(sanitizeCell);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
