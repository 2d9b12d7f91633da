import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
} from "react";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import type { ViewProps } from "@vitrine/core";
import {
  cellText,
  columnType,
  compareCells,
  conditionIsUnary,
  FILTER_CONDITIONS,
  matchesFilter,
  toCsv,
  toTsv,
  type CellValue,
  type DataframeData,
  type Datatype,
  type FilterCondition,
} from "./cells.js";
import { cellFromText, clearRect, parseClipboardBlock, pasteBlock, rectBetween, rectCells, type BlockEdit, type CellRect } from "./block.js";
import { markdownNeedsMath, type MarkdownSettings } from "./rich.js";
import { DataRow, ROW_HEIGHT, truthy, type CellPos, type Editing } from "./rows.js";
import { DEFAULT_LATEX_DELIMITERS, loadedMathRenderer, useLoadMath, type LatexDelimiter, type MathRenderer } from "@vitrine/markdown/ui";
import { dataframeStyle } from "./style.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the Dataframe view reads. */
export interface DataframeViewProps {
  /** Column headers, used when the value has none. */
  headers: string[];
  /** The number of rows shown at first, or `[n, "fixed" | "dynamic"]` (fixed: no rows added or deleted). */
  row_count: [number, "fixed" | "dynamic"];
  /** The number of columns, or `[n, "fixed" | "dynamic"]`: "fixed" lets the user neither add nor delete columns. */
  col_count: [number, "fixed" | "dynamic"];
  /** `[min, max]` rows the user may have through the UI (Gradio 6); null for no limit. */
  row_limits: [number | null, number | null] | null;
  /** `[min, max]` columns the user may have through the UI (Gradio 6); null for no limit. */
  column_limits: [number | null, number | null] | null;
  /** The datatype of every column, or one per column ("str", "number", "bool", "date", "markdown", "html", "image"). */
  datatype: Datatype | Datatype[];
  /** Delimiters of the LaTeX formulas typeset in "markdown" cells. */
  latex_delimiters?: LatexDelimiter[];
  /** Most height of the table: pixels for a number, or a CSS length. */
  max_height: number | string;
  /** Whether cell text wraps. */
  wrap: boolean;
  /** Whether single newlines in "markdown" cells become line breaks. */
  line_breaks: boolean;
  /** Width of each column: pixels for a number, or "100px", "20%", "auto". */
  column_widths: string[];
  /** Whether a button shows the table full screen (Gradio 5). */
  show_fullscreen_button: boolean;
  /** Whether a button copies the table as CSV (Gradio 5). */
  show_copy_button: boolean;
  /** Whether a first column numbers the rows. */
  show_row_numbers: boolean;
  /** Most characters a cell shows before "…" (the selected cell shows all). */
  max_chars: number | null;
  /** A search box above the table ("search"), with a column picker ("filter"), or none (default). */
  show_search: "none" | "search" | "filter";
  /** How many columns, from the left, stay in place when the table scrolls sideways. */
  pinned_columns: number | null;
  /** Column indices the user may not edit; they also fix the column count. */
  static_columns: number[];
}


/** A CSS length from a number (pixels) or a string. */
function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/** The pixels of a max height, for the first render before the scroll box is measured. */
function pixelsOf(v: number | string | null | undefined): number {
  if (typeof v === "number") return v;
  const m = typeof v === "string" ? /^(\d+(?:\.\d+)?)px$/.exec(v.trim()) : null;
  return m ? Number(m[1]) : 500;
}

/** Writes text to the clipboard (the async API, else a hidden text area and `execCommand`). */
async function writeClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand?.("copy");
  } finally {
    area.remove();
  }
}

/** A new empty cell for a column of `type`. */
function emptyCell(type: Datatype): CellValue {
  return type === "bool" ? false : "";
}

/**
 * The Dataframe view: a `<table role="grid">` whose rows are virtualised (only those in view, plus
 * a few, are in the DOM), with a sticky header. Click a cell to select it (`select` with its
 * `[row, col]`, value, row and column); double-click, Enter or typing edits it, Enter/Tab commits
 * (`edit`, `change`, `input`), Escape cancels; arrow keys move. Clicking a header sorts by it
 * (ascending, descending, none); the search box filters the rows shown. Neither changes the value.
 * Buttons add and delete rows (and columns, when their count is dynamic) and copy the table as CSV;
 * Ctrl+C copies the selected cell.
 */
export function DataframeView({ value, props, interactive, onChange, dispatch }: ViewProps<DataframeData | null, DataframeViewProps>) {
  adoptStylesheet("vt-dataframe-style", dataframeStyle);
  const uid = useId().replace(/:/g, "");
  const headers = value?.headers ?? props.headers ?? [];
  const data = value?.data ?? [];
  const metadata = value?.metadata ?? null;
  const width = Math.max(headers.length, ...(data.length ? [data[0]!.length] : [0]));
  const types = useMemo(() => Array.from({ length: width }, (_, c) => columnType(props.datatype, c)), [props.datatype, width]);
  const staticCols = props.static_columns ?? [];
  const editable = useMemo(
    () => Array.from({ length: width }, (_, c) => interactive && !staticCols.includes(c)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [interactive, width, staticCols.join(",")],
  );
  const rowsFixed = props.row_count?.[1] === "fixed";
  const colsFixed = props.col_count?.[1] === "fixed" || staticCols.length > 0;

  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const [query, setQuery] = useState("");
  const [filterCol, setFilterCol] = useState(-1);
  const [condition, setCondition] = useState<FilterCondition>("contains");
  const [selected, setSelected] = useState<CellPos | null>(null);
  // The other corner of a range selection (Shift+click, Shift+arrows, a drag), or null for one cell.
  const [anchor, setAnchor] = useState<CellPos | null>(null);
  const dragFrom = useRef<CellPos | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  editingRef.current = editing;
  const [fullscreen, setFullscreen] = useState(false);
  const [copied, setCopied] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // The rows shown, as indices into the value: filtered by the search, then sorted.
  const order = useMemo(() => {
    const needle = query.trim();
    // "search" mode: a row shows when one of its cells contains the text; "filter" mode: when
    // the chosen column's cell (or any cell, for all columns) meets the chosen condition.
    const rule: FilterCondition = props.show_search === "filter" ? condition : "contains";
    const col = props.show_search === "filter" ? filterCol : -1;
    let rows: number[] = [];
    if (needle || conditionIsUnary(rule)) {
      for (let r = 0; r < data.length; r++) {
        const row = data[r]!;
        const hit = col >= 0 ? matchesFilter(row[col] ?? null, rule, needle) : row.some((v) => matchesFilter(v, rule, needle));
        if (hit) rows.push(r);
      }
    } else {
      rows = Array.from({ length: data.length }, (_, r) => r);
    }
    if (sort) {
      const type = types[sort.col] ?? "str";
      rows.sort((a, b) => compareCells(data[a]![sort.col] ?? null, data[b]![sort.col] ?? null, type, sort.dir) || a - b);
    }
    return rows;
  }, [data, query, filterCol, condition, props.show_search, sort, types]);
  const positionOf = useMemo(() => {
    const map = new Map<number, number>();
    order.forEach((r, i) => map.set(r, i));
    return map;
  }, [order]);

  // A selection outside the value (after an output replaced it) is dropped.
  useEffect(() => {
    if (selected && (selected.row >= data.length || selected.col >= width)) setSelected(null);
    if (anchor && (anchor.row >= data.length || anchor.col >= width)) setAnchor(null);
  }, [data.length, width, selected, anchor]);

  // The range selection as shown (rows by position), or null when one cell (or none) is selected.
  const range = useMemo<CellRect | null>(() => {
    if (!selected || !anchor) return null;
    const a = positionOf.get(anchor.row);
    const b = positionOf.get(selected.row);
    if (a === undefined || b === undefined) return null;
    return rectBetween({ position: a, col: anchor.col }, { position: b, col: selected.col });
  }, [selected, anchor, positionOf]);

  // A drag selecting a range ends wherever the button is released.
  useEffect(() => {
    const up = () => void (dragFrom.current = null);
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const maxHeightPx = pixelsOf(props.max_height ?? 500);
  const measured = props.wrap === true || types.some((t) => t === "markdown" || t === "html" || t === "image");

  // KaTeX is loaded once a "markdown" cell holds a formula.
  const [math, setMath] = useState<MathRenderer | null>(loadedMathRenderer);
  const latex = props.latex_delimiters ?? DEFAULT_LATEX_DELIMITERS;
  const lineBreaks = props.line_breaks !== false;
  const needsMath = useMemo(
    () => types.some((t, c) => t === "markdown" && data.some((row) => markdownNeedsMath(cellText(row[c] ?? null), latex, lineBreaks))),
    [types, data, latex, lineBreaks],
  );
  useLoadMath(needsMath && !math, (render) => setMath(() => render));
  const markdown = useMemo<MarkdownSettings>(() => ({ lineBreaks, latex, math }), [lineBreaks, latex, math]);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height: maxHeightPx },
    // A box not laid out yet (jsdom, a hidden tab) measures 0: render a screenful meanwhile.
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: maxHeightPx })),
    ...(measured ? { measureElement: (el: Element) => (el as HTMLElement).getBoundingClientRect().height || ROW_HEIGHT } : {}),
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0]!.start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  // Pinned columns stay put when the table scrolls sideways: each at the width of those before it.
  const headRefs = useRef<(HTMLTableCellElement | null)[]>([]);
  const rowNumRef = useRef<HTMLTableCellElement | null>(null);
  const pinnedCount = Math.min(props.pinned_columns ?? 0, width);
  const [pinnedLefts, setPinnedLefts] = useState<number[]>([]);
  const [rowNumberWidth, setRowNumberWidth] = useState(0);
  useLayoutEffect(() => {
    const base = rowNumRef.current?.offsetWidth ?? 0;
    const lefts: number[] = [];
    let x = base;
    for (let c = 0; c < pinnedCount; c++) {
      lefts.push(x);
      x += headRefs.current[c]?.offsetWidth ?? 0;
    }
    setRowNumberWidth((w) => (w === base ? w : base));
    setPinnedLefts((old) => (old.length === lefts.length && old.every((v, i) => v === lefts[i]) ? old : lefts));
  });

  const emit = useCallback(
    (next: { headers: string[]; data: CellValue[][] }) => {
      // A user's edit leaves Gradio's display metadata (formatted values, styles) behind.
      onChange({ headers: next.headers, data: next.data, metadata: null }, { userInput: true });
    },
    [onChange],
  );

  const setCell = useCallback(
    (row: number, col: number, next: CellValue) => {
      const previous = data[row]?.[col] ?? null;
      if (previous === next) return;
      const rows = data.slice();
      const cells = rows[row]!.slice();
      cells[col] = next;
      rows[row] = cells;
      emit({ headers: [...headers], data: rows });
      dispatch("edit", { index: [row, col], value: next, previous_value: previous });
    },
    [data, headers, emit, dispatch],
  );

  const focusGrid = () => tableRef.current?.focus({ preventScroll: true });

  const startEdit = (row: number, col: number, draft?: string) => {
    if (row >= 0 && (!editable[col] || types[col] === "bool")) return;
    if (row < 0 && (!interactive || colsFixed)) return;
    const current = row < 0 ? (headers[col] ?? "") : cellText(data[row]?.[col] ?? null);
    setEditing({ row, col, draft: draft ?? current });
  };

  const commitEdit = (keep = true) => {
    const edit = editingRef.current;
    if (!edit) return;
    editingRef.current = null;
    setEditing(null);
    if (keep) {
      if (edit.row < 0) {
        if (edit.draft !== headers[edit.col]) {
          const next = [...headers];
          next[edit.col] = edit.draft;
          emit({ headers: next, data: data.map((r) => r.slice()) });
        }
      } else {
        setCell(edit.row, edit.col, cellFromText(edit.draft, types[edit.col] ?? "str"));
      }
    }
  };

  const select = (row: number, col: number) => {
    setSelected({ row, col });
    setAnchor(null);
    const cells = data[row] ?? [];
    dispatch("select", {
      index: [row, col],
      value: cells[col] ?? null,
      row_value: [...cells],
      col_value: data.map((r) => r[col] ?? null),
      selected: true,
    });
  };

  const onCellClick = (row: number, col: number, extend: boolean) => {
    if (editingRef.current && (editingRef.current.row !== row || editingRef.current.col !== col)) commitEdit();
    if (extend && selected) {
      // Shift+click: a range from the selected cell (or the range's first corner) to this one.
      setAnchor((a) => a ?? selected);
      setSelected({ row, col });
      return;
    }
    select(row, col);
  };
  const onCellDown = (row: number, col: number, e: ReactMouseEvent) => {
    if (e.button !== 0 || e.shiftKey || editingRef.current) return;
    dragFrom.current = { row, col };
  };
  const onCellEnter = (row: number, col: number) => {
    const from = dragFrom.current;
    if (!from || (from.row === row && from.col === col && !anchor)) return;
    setAnchor(from);
    setSelected({ row, col });
  };
  const onCellDoubleClick = (row: number, col: number) => {
    setSelected({ row, col });
    startEdit(row, col);
  };
  const onToggle = (row: number, col: number, checked: boolean) => {
    if (!editable[col]) return;
    setSelected({ row, col });
    setCell(row, col, checked);
  };

  const moveTo = (position: number, col: number, extend = false) => {
    if (!order.length) return;
    const p = Math.max(0, Math.min(order.length - 1, position));
    const c = Math.max(0, Math.min(width - 1, col));
    if (extend && selected) setAnchor((a) => a ?? selected);
    else setAnchor(null);
    setSelected({ row: order[p]!, col: c });
    virtualizer.scrollToIndex(p, { align: "auto" });
  };

  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const edit = editingRef.current;
    if (!edit) return;
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commitEdit();
      focusGrid();
    } else if (e.key === "Escape") {
      e.preventDefault();
      commitEdit(false);
      focusGrid();
    } else if (e.key === "Tab") {
      e.preventDefault();
      commitEdit();
      focusGrid();
      if (edit.row >= 0) {
        const p = positionOf.get(edit.row) ?? 0;
        moveTo(p, edit.col + (e.shiftKey ? -1 : 1));
      }
    }
    e.stopPropagation();
  };

  const copyText = async (text: string) => {
    await writeClipboard(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current || e.target !== e.currentTarget) return;
    const pos = selected ? (positionOf.get(selected.row) ?? -1) : -1;
    const col = selected?.col ?? 0;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? maxHeightPx) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case "ArrowDown": e.preventDefault(); moveTo(pos < 0 ? 0 : pos + 1, col, e.shiftKey); return;
      case "ArrowUp": e.preventDefault(); moveTo(pos < 0 ? 0 : pos - 1, col, e.shiftKey); return;
      case "ArrowRight": e.preventDefault(); moveTo(Math.max(pos, 0), col + 1, e.shiftKey); return;
      case "ArrowLeft": e.preventDefault(); moveTo(Math.max(pos, 0), col - 1, e.shiftKey); return;
      case "PageDown": e.preventDefault(); moveTo(pos + page, col, e.shiftKey); return;
      case "PageUp": e.preventDefault(); moveTo(pos - page, col, e.shiftKey); return;
      case "Home": if (e.ctrlKey) { e.preventDefault(); moveTo(0, col, e.shiftKey); } return;
      case "End": if (e.ctrlKey) { e.preventDefault(); moveTo(order.length - 1, col, e.shiftKey); } return;
      case "Escape": setSelected(null); setAnchor(null); return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a" && order.length > 0 && width > 0) {
      // Every cell shown.
      e.preventDefault();
      setAnchor({ row: order[0]!, col: 0 });
      setSelected({ row: order[order.length - 1]!, col: width - 1 });
      return;
    }
    if (!selected) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "c") {
      // The selected cell, or the range's cells as spreadsheets paste them (TSV).
      e.preventDefault();
      void copyText(toTsv(range ? rectCells(data, order, range) : [[data[selected.row]?.[selected.col] ?? null]]));
      return;
    }
    if ((e.key === "Delete" || e.key === "Backspace") && range && interactive) {
      e.preventDefault();
      applyBlock(clearRect(blockTarget(), range), false);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (types[selected.col] === "bool" && editable[selected.col]) setCell(selected.row, selected.col, !truthy(data[selected.row]?.[selected.col] ?? null));
      else startEdit(selected.row, selected.col);
      return;
    }
    if ((e.key === "Delete" || e.key === "Backspace") && editable[selected.col] && types[selected.col] !== "bool") {
      e.preventDefault();
      setCell(selected.row, selected.col, types[selected.col] === "number" ? null : "");
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && editable[selected.col] && types[selected.col] !== "bool") {
      e.preventDefault();
      startEdit(selected.row, selected.col, e.key);
    }
  };

  /** The table as a block edit sees it: what may be edited, and how far rows and columns may grow. */
  const blockTarget = () => ({
    headers,
    data,
    order,
    types,
    editable,
    maxRows: interactive && !rowsFixed ? (rowMax ?? Infinity) : 0,
    maxCols: interactive && !colsFixed ? (colMax ?? Infinity) : 0,
  });

  /** Sends a block edit's table, and selects what it wrote (`select`: as the new range). */
  const applyBlock = (edit: BlockEdit, select = true) => {
    if (!edit.rect) return;
    emit({ headers: edit.headers, data: edit.data });
    if (!select) return;
    const shown = edit.order;
    const { top, left, bottom, right } = edit.rect;
    if (shown[top] === undefined || shown[bottom] === undefined) return;
    setAnchor(top === bottom && left === right ? null : { row: shown[top]!, col: left });
    setSelected({ row: shown[bottom]!, col: right });
  };

  /**
   * Pastes a block of cells (a spreadsheet's copy: tab-separated rows) at the selected cell, or
   * into the selected range (one value fills it). Rows and columns are added as the table's
   * counts and limits allow; columns that may not be edited keep their values.
   */
  const onGridPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current || e.target !== e.currentTarget || !interactive || !selected) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const at = range ? { position: range.top, col: range.left } : { position: positionOf.get(selected.row) ?? 0, col: selected.col };
    void parseClipboardBlock(text).then(
      (block) => live.current.applyBlock(pasteBlock(live.current.blockTarget(), block, at, range)),
      (err: unknown) => console.warn("[vitrine] could not read the pasted cells:", err),
    );
  };

  const sortBeforeClick = useRef<{ col: number; dir: 1 | -1 } | null>(null);
  const onHeaderClick = (col: number) => {
    setSort((s) => (s?.col !== col ? { col, dir: 1 } : s.dir === 1 ? { col, dir: -1 } : null));
  };

  // Adding and deleting rows and columns, within the count's mode and the limits.
  const [rowMin, rowMax] = props.row_limits ?? [null, null];
  const [colMin, colMax] = props.column_limits ?? [null, null];
  const canAddRow = interactive && !rowsFixed && (rowMax === null || data.length < rowMax);
  const canDeleteRow = interactive && !rowsFixed && data.length > 0 && (rowMin === null || data.length > rowMin);
  const canAddCol = interactive && !colsFixed && (colMax === null || width < colMax);
  const canDeleteCol = interactive && !colsFixed && width > 1 && (colMin === null || width > colMin);

  const addRow = () => {
    const at = selected ? selected.row + 1 : data.length;
    const rows = data.slice();
    rows.splice(at, 0, Array.from({ length: width }, (_, c) => emptyCell(types[c] ?? "str")));
    emit({ headers: [...headers], data: rows });
    setSelected({ row: at, col: 0 });
    // Typing goes to the new row: its first cell is selected and the grid has the focus.
    focusGrid();
    if (!sort && !query.trim()) requestAnimationFrame(() => virtualizer.scrollToIndex(at, { align: "auto" }));
  };
  const deleteRow = () => {
    const at = selected ? selected.row : data.length - 1;
    emit({ headers: [...headers], data: data.filter((_, r) => r !== at) });
    setSelected(null);
  };
  const addColumn = () => {
    const at = selected ? selected.col + 1 : width;
    const next = [...headers];
    next.splice(at, 0, String(width + 1));
    emit({ headers: next, data: data.map((r) => { const cells = r.slice(); cells.splice(at, 0, ""); return cells; }) });
    if (sort && sort.col >= at) setSort({ ...sort, col: sort.col + 1 });
  };
  const deleteColumn = () => {
    const at = selected ? selected.col : width - 1;
    emit({ headers: headers.filter((_, c) => c !== at), data: data.map((r) => r.filter((_, c) => c !== at)) });
    setSelected(null);
    if (sort?.col === at) setSort(null);
    else if (sort && sort.col > at) setSort({ ...sort, col: sort.col - 1 });
  };

  // Stable handlers for the memoised rows, so that a scroll re-renders only rows coming into view.
  const live = useRef({ onCellClick, onCellDown, onCellEnter, onCellDoubleClick, onToggle, onEditKey, commitEdit, applyBlock, blockTarget });
  live.current = { onCellClick, onCellDown, onCellEnter, onCellDoubleClick, onToggle, onEditKey, commitEdit, applyBlock, blockTarget };
  const rowHandlers = useMemo(
    () => ({
      onCellClick: (row: number, col: number, extend: boolean) => live.current.onCellClick(row, col, extend),
      onCellDown: (row: number, col: number, e: ReactMouseEvent) => live.current.onCellDown(row, col, e),
      onCellEnter: (row: number, col: number) => live.current.onCellEnter(row, col),
      onCellDoubleClick: (row: number, col: number) => live.current.onCellDoubleClick(row, col),
      onToggle: (row: number, col: number, checked: boolean) => live.current.onToggle(row, col, checked),
      onDraft: (draft: string) => setEditing((e) => (e ? { ...e, draft } : e)),
      onEditKey: (e: KeyboardEvent<HTMLInputElement>) => live.current.onEditKey(e),
      onEditBlur: () => live.current.commitEdit(),
    }),
    [],
  );

  const copyTable = () => void copyText(toCsv([headers, ...order.map((r) => data[r]!)]));

  const label = props.label ?? "Dataframe";
  const showLabel = props.show_label !== false && Boolean(props.label);
  const showSearch = props.show_search === "search" || props.show_search === "filter";
  const widths = props.column_widths ?? [];
  const activeId = selected && !editing ? `${uid}-r${selected.row}-c${selected.col}` : undefined;
  const displayRows = metadata?.display_value ?? null;
  const styleRows = metadata?.styling ?? null;

  return (
    <div
      className={`vt-field vt-dataframe${fullscreen ? " vt-df-fullscreen" : ""}${props.wrap ? " vt-df-wrap" : ""}`}
      role={fullscreen ? "dialog" : undefined}
      aria-label={fullscreen ? label : undefined}
    >
      <div className="vt-df-header">
        {showLabel ? <span className="vt-label">{props.label}</span> : <span />}
        <div className="vt-df-toolbar">
          {showSearch ? (
            <input
              type="search"
              className="vt-input vt-df-search"
              placeholder="Search…"
              aria-label={`Search ${label}`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          ) : null}
          {props.show_search === "filter" ? (
            <select className="vt-input vt-df-filter-col" aria-label={`Search ${label} in column`} value={filterCol} onChange={(e) => setFilterCol(Number(e.target.value))}>
              <option value={-1}>All columns</option>
              {headers.map((h, c) => (
                <option key={c} value={c}>
                  {h}
                </option>
              ))}
            </select>
          ) : null}
          {props.show_search === "filter" ? (
            <select className="vt-input vt-df-filter-col" aria-label={`Filter ${label} by`} value={condition} onChange={(e) => setCondition(e.target.value as FilterCondition)}>
              {FILTER_CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : null}
          {props.show_copy_button ? (
            <button type="button" className="vt-button vt-button-secondary vt-button-sm vt-df-tool" aria-label={`Copy ${label} as CSV`} onClick={copyTable}>
              {copied ? "Copied" : "Copy"}
            </button>
          ) : null}
          {props.show_fullscreen_button ? (
            <button
              type="button"
              className="vt-button vt-button-secondary vt-button-sm vt-df-tool"
              aria-label={fullscreen ? "Exit full screen" : "Full screen"}
              aria-pressed={fullscreen}
              onClick={() => setFullscreen((f) => !f)}
            >
              {fullscreen ? "⤡" : "⤢"}
            </button>
          ) : null}
        </div>
      </div>
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-df-scroll" ref={scrollRef} style={{ maxHeight: fullscreen ? undefined : cssLength(props.max_height ?? 500) }}>
        <table
          ref={tableRef}
          role="grid"
          aria-label={label}
          aria-rowcount={order.length + 1}
          aria-colcount={width + (props.show_row_numbers ? 1 : 0)}
          aria-readonly={!interactive}
          aria-activedescendant={activeId}
          tabIndex={0}
          onKeyDown={onGridKey}
          onPaste={onGridPaste}
          className={widths.length ? "vt-df-table vt-df-fixed" : "vt-df-table"}
        >
          {widths.length ? (
            <colgroup>
              {props.show_row_numbers ? <col style={{ width: "3.5em" }} /> : null}
              {headers.map((_, c) => (
                <col key={c} style={{ width: widths[c] }} />
              ))}
            </colgroup>
          ) : null}
          <thead>
            <tr role="row" aria-rowindex={1}>
              {props.show_row_numbers ? (
                <th ref={rowNumRef} scope="col" role="columnheader" className="vt-df-rownum vt-df-pinned" style={{ left: 0 }} aria-label="Row number">
                  #
                </th>
              ) : null}
              {headers.map((h, c) => {
                const dir = sort?.col === c ? sort.dir : 0;
                const pinned = c < pinnedCount;
                const editingHeader = editing !== null && editing.row < 0 && editing.col === c;
                return (
                  <th
                    key={c}
                    ref={(el) => {
                      headRefs.current[c] = el;
                    }}
                    scope="col"
                    role="columnheader"
                    aria-colindex={c + 1 + (props.show_row_numbers ? 1 : 0)}
                    aria-sort={dir === 1 ? "ascending" : dir === -1 ? "descending" : "none"}
                    className={`vt-df-head vt-df-${types[c] ?? "str"}${pinned ? " vt-df-pinned" : ""}`}
                    style={pinned ? { left: pinnedLefts[c] ?? rowNumberWidth } : undefined}
                    onDoubleClick={() => {
                      if (!interactive || colsFixed) return;
                      // The double-click's first click sorted: put the sort back, then rename.
                      setSort(sortBeforeClick.current);
                      startEdit(-1, c);
                    }}
                  >
                    {editingHeader ? (
                      <input
                        className="vt-df-input"
                        aria-label={`Edit header ${c + 1}`}
                        autoFocus
                        value={editing.draft}
                        onChange={(e) => setEditing({ ...editing, draft: e.target.value })}
                        onKeyDown={onEditKey}
                        onBlur={() => commitEdit()}
                      />
                    ) : (
                      <button
                        type="button"
                        className="vt-df-sort"
                        onClick={(e) => {
                          if (e.detail > 1) return;
                          sortBeforeClick.current = sort;
                          onHeaderClick(c);
                        }} title="Sort (ascending, descending, none); double-click to rename">
                        <span className="vt-df-head-text">{h}</span>
                        <span className="vt-df-sort-mark" aria-hidden="true">
                          {dir === 1 ? "▲" : dir === -1 ? "▼" : "⇅"}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="vt-df-spacer">
                <td colSpan={width + 1} style={{ height: padTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = order[item.index]!;
              const cells = data[row]!;
              return (
                <DataRow
                  key={row}
                  uid={uid}
                  row={row}
                  position={item.index}
                  cells={cells.length >= width ? cells : [...cells, ...Array<CellValue>(width - cells.length).fill(null)]}
                  headers={headers}
                  types={types}
                  display={displayRows?.[row] ?? null}
                  styling={styleRows?.[row] ?? null}
                  selectedCol={selected?.row === row ? selected.col : -1}
                  rangeFrom={range && item.index >= range.top && item.index <= range.bottom ? range.left : -1}
                  rangeTo={range && item.index >= range.top && item.index <= range.bottom ? range.right : -1}
                  editing={editing && editing.row === row ? editing : null}
                  editable={editable}
                  showRowNumbers={props.show_row_numbers === true}
                  pinnedLefts={pinnedLefts}
                  rowNumberWidth={rowNumberWidth}
                  markdown={markdown}
                  maxChars={props.max_chars ?? null}
                  measure={measured ? virtualizer.measureElement : undefined}
                  {...rowHandlers}
                />
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="vt-df-spacer">
                <td colSpan={width + 1} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {order.length === 0 ? <div className="vt-df-empty">{data.length === 0 ? "No rows" : "No matching rows"}</div> : null}
      </div>
      {interactive && (!rowsFixed || !colsFixed) ? (
        <div className="vt-df-actions">
          {!rowsFixed ? (
            <>
              <button type="button" className="vt-button vt-button-secondary vt-button-sm" disabled={!canAddRow} onClick={addRow}>
                Add row
              </button>
              <button type="button" className="vt-button vt-button-secondary vt-button-sm" disabled={!canDeleteRow} onClick={deleteRow}>
                Delete row
              </button>
            </>
          ) : null}
          {!colsFixed ? (
            <>
              <button type="button" className="vt-button vt-button-secondary vt-button-sm" disabled={!canAddCol} onClick={addColumn}>
                Add column
              </button>
              <button type="button" className="vt-button vt-button-secondary vt-button-sm" disabled={!canDeleteCol} onClick={deleteColumn}>
                Delete column
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
