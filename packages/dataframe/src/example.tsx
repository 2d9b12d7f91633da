import type { ExampleProps } from "@vitrine/core";
import { cellText, type DataframeData } from "./cells.js";

/** How many rows and columns an Examples cell shows. */
const ROWS = 3;
const COLS = 4;
/** How many characters of a cell it shows. */
const CHARS = 20;

function short(text: string): string {
  return text.length > CHARS ? `${text.slice(0, CHARS - 1)}…` : text;
}

/** The Dataframe's example view: the first few rows and columns in a small table, "…" when there are more. */
export function DataframeExample({ value }: ExampleProps<DataframeData | null>) {
  const rows = value?.data ?? [];
  if (!rows.length) return <span className="vt-example-text" />;
  const width = Math.max(...rows.slice(0, ROWS).map((r) => r.length));
  const more = rows.length > ROWS;
  const wider = width > COLS;
  return (
    <table className="vt-example-table" style={{ borderCollapse: "collapse", fontSize: "var(--text-sm)", color: "var(--body-text-color)" }}>
      <tbody>
        {rows.slice(0, ROWS).map((row, r) => (
          <tr key={r}>
            {row.slice(0, COLS).map((cell, c) => (
              <td key={c} style={{ padding: "0 var(--spacing-sm)", border: "1px solid var(--table-border-color, var(--border-color-primary))" }}>
                {short(cellText(cell))}
              </td>
            ))}
            {wider ? <td style={{ padding: "0 var(--spacing-sm)" }}>…</td> : null}
          </tr>
        ))}
        {more ? (
          <tr>
            <td colSpan={Math.min(width, COLS) + (wider ? 1 : 0)} style={{ padding: "0 var(--spacing-sm)", color: "var(--body-text-color-subdued)" }}>
              … {rows.length - ROWS} more rows
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
