/**
 * The Dataframe's rows: one memoised `<tr>` per row shown, its cells (text, checkboxes, rendered
 * Markdown and HTML, images) and the cell being edited. The table around them is view.tsx.
 */
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from "react";
import { cellText, type CellValue, type Datatype } from "./cells.js";
import { imageUrl, markdownHtml, sanitizeHtml, type MarkdownSettings } from "./rich.js";

/** A cell's place: its row in the value (whatever the sort) and its column. */
export interface CellPos {
  row: number;
  col: number;
}

/** The cell being edited (row -1: a header) and the text typed so far. */
export interface Editing extends CellPos {
  draft: string;
}

/** The height of a row when text does not wrap (the CSS keeps it so). */
export const ROW_HEIGHT = 36;

/** A CSS declaration list ("color: red; font-weight: bold") as a React style object. */
function parseStyle(css: string | null | undefined): CSSProperties | undefined {
  if (!css) return undefined;
  const style: Record<string, string> = {};
  for (const decl of css.split(";")) {
    const at = decl.indexOf(":");
    if (at < 0) continue;
    const name = decl.slice(0, at).trim();
    const value = decl.slice(at + 1).trim();
    if (!name || !value || /url\s*\(|expression\s*\(/i.test(value)) continue;
    style[name.startsWith("--") ? name : name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = value;
  }
  return style as CSSProperties;
}

/** Whether a cell counts as true (a bool column's checkbox). */
export function truthy(v: CellValue): boolean {
  return v === true || v === 1 || (typeof v === "string" && /^(true|1)$/i.test(v.trim()));
}

interface CellContentProps {
  value: CellValue;
  display: string | null | undefined;
  type: Datatype;
  markdown: MarkdownSettings;
  maxChars: number | null;
  full: boolean;
  alt: string;
}

/**
 * What a cell shows: Markdown (with its formulas) and HTML rendered and sanitized, an "image"
 * cell's URL as the image, other text cut at `max_chars` unless `full`.
 */
function CellContent({ value, display, type, markdown, maxChars, full, alt }: CellContentProps) {
  const text = display ?? cellText(value);
  if (type === "markdown") return <span className="vt-df-rich" dangerouslySetInnerHTML={{ __html: markdownHtml(text, markdown) }} />;
  if (type === "image" && display == null && imageUrl(text)) return <img className="vt-df-image" src={imageUrl(text)!} alt={alt} loading="lazy" />;
  if (type === "html") return <span className="vt-df-rich" dangerouslySetInnerHTML={{ __html: sanitizeHtml(text) }} />;
  if (!full && maxChars !== null && maxChars >= 0 && text.length > maxChars) {
    return <span title={text}>{`${text.slice(0, maxChars)}…`}</span>;
  }
  return <>{text}</>;
}

export interface RowProps {
  uid: string;
  row: number;
  position: number;
  cells: readonly CellValue[];
  headers: readonly string[];
  types: readonly Datatype[];
  display: readonly (string | null)[] | null;
  styling: readonly (string | null)[] | null;
  selectedCol: number;
  /** The columns of this row in the range selection (`[from, to]`), or null. */
  rangeFrom: number;
  rangeTo: number;
  editing: Editing | null;
  editable: readonly boolean[];
  showRowNumbers: boolean;
  pinnedLefts: readonly number[];
  rowNumberWidth: number;
  markdown: MarkdownSettings;
  maxChars: number | null;
  measure: ((el: Element | null) => void) | undefined;
  onCellClick(row: number, col: number, extend: boolean): void;
  onCellDown(row: number, col: number, e: ReactMouseEvent): void;
  onCellEnter(row: number, col: number): void;
  onCellDoubleClick(row: number, col: number): void;
  onToggle(row: number, col: number, checked: boolean): void;
  onDraft(draft: string): void;
  onEditKey(e: KeyboardEvent<HTMLInputElement>): void;
  onEditBlur(): void;
}

/** One row of the table; memoised, so that scrolling renders only the rows that come into view. */
export const DataRow = memo(function DataRow(p: RowProps) {
  return (
    <tr role="row" aria-rowindex={p.position + 2} data-index={p.position} ref={p.measure} className={p.position % 2 ? "vt-df-odd" : "vt-df-even"}>
      {p.showRowNumbers ? (
        <th scope="row" role="rowheader" className="vt-df-rownum vt-df-pinned" style={{ left: 0 }}>
          {p.row + 1}
        </th>
      ) : null}
      {p.cells.map((value, col) => {
        const type = p.types[col] ?? "str";
        const selected = p.selectedCol === col;
        const inRange = col >= p.rangeFrom && col <= p.rangeTo;
        const editingHere = p.editing !== null && p.editing.col === col;
        const pinned = col < p.pinnedLefts.length;
        const style: CSSProperties = { ...parseStyle(p.styling?.[col]), ...(pinned ? { left: p.pinnedLefts[col] } : {}) };
        return (
          <td
            key={col}
            id={`${p.uid}-r${p.row}-c${col}`}
            role="gridcell"
            aria-colindex={col + 1 + (p.showRowNumbers ? 1 : 0)}
            aria-selected={selected || inRange}
            aria-readonly={!p.editable[col]}
            className={`vt-df-cell vt-df-${type}${selected ? " vt-df-selected" : ""}${inRange ? " vt-df-in-range" : ""}${pinned ? " vt-df-pinned" : ""}`}
            style={style}
            onClick={(e) => p.onCellClick(p.row, col, e.shiftKey)}
            onMouseDown={(e) => p.onCellDown(p.row, col, e)}
            onMouseEnter={() => p.onCellEnter(p.row, col)}
            onDoubleClick={() => p.onCellDoubleClick(p.row, col)}
          >
            {editingHere ? (
              <input
                className="vt-df-input"
                aria-label={`Edit ${p.headers[col] ?? col + 1}, row ${p.row + 1}`}
                autoFocus
                value={p.editing!.draft}
                onChange={(e) => p.onDraft(e.target.value)}
                onKeyDown={p.onEditKey}
                onBlur={p.onEditBlur}
                onClick={(e) => e.stopPropagation()}
                onDoubleClick={(e) => e.stopPropagation()}
              />
            ) : type === "bool" ? (
              <input
                type="checkbox"
                className="vt-df-check"
                aria-label={`${p.headers[col] ?? col + 1}, row ${p.row + 1}`}
                checked={truthy(value)}
                disabled={!p.editable[col]}
                tabIndex={-1}
                onChange={(e) => p.onToggle(p.row, col, e.target.checked)}
              />
            ) : (
              <CellContent
                value={value}
                display={p.display?.[col]}
                type={type}
                markdown={p.markdown}
                maxChars={p.maxChars}
                full={selected}
                alt={`${p.headers[col] ?? col + 1}, row ${p.row + 1}`}
              />
            )}
          </td>
        );
      })}
    </tr>
  );
});
