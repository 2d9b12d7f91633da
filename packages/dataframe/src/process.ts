import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  needFiles,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import {
  DATATYPES,
  coerceCell,
  columnType,
  inferDatatypes,
  normalizeCount,
  type CellValue,
  type Count,
  type DataframeData,
  type DataframeMetadata,
  type Datatype,
} from "./cells.js";
import { parseCsvTable, type CsvTable } from "./csv.js";
import { dataframeEvents, type DataframeEvent, type DataframeEventData } from "./events.js";

/**
 * What the function receives: `"array"` (default), the rows as arrays of cells; `"records"`,
 * one object per row keyed by header. (Gradio's `"pandas"`, `"numpy"` and `"polars"` have no
 * JavaScript meaning and are refused.)
 */
export type DataframeType = "array" | "records";

/** A row as an object keyed by column header (`type: "records"`). */
export type DataframeRecord = Record<string, CellValue>;

/** What the function receives for a Dataframe of type `T`. */
export type DataframeValue<T extends DataframeType = "array"> = T extends "records" ? DataframeRecord[] : CellValue[][];

/** A cell as a function may return it: a cell value, a Date (sent as ISO text) or undefined (empty). */
export type CellInput = CellValue | Date | undefined;

/**
 * What a function may return for a Dataframe (and what `value` and examples may be): rows of
 * cells, a list of cells (one per row), records (objects keyed by header), `{ headers, data,
 * metadata }` (Gradio's dict form), the path of a CSV file (its first row names the columns), or
 * null for an empty table.
 */
export type DataframeReturn =
  | string
  | readonly (readonly CellInput[])[]
  | readonly CellInput[]
  | readonly Readonly<Record<string, CellInput>>[]
  | { headers?: readonly (string | number)[] | null; data: readonly (readonly CellInput[])[]; metadata?: DataframeMetadata | null }
  | null;

/** A `[min, max]` pair of limits; null for no limit on that side (Gradio 6's `row_limits`/`column_limits`). */
export type Limits = readonly [number | null, number | null];

/** What Gradio's `buttons` may hold (Gradio 6). */
export type DataframeButton = "fullscreen" | "copy";

/** Gradio's `type` values that are Python types, refused with a hint. */
const PYTHON_TYPES = ["pandas", "numpy", "polars"];

/** Props of a Dataframe whose function receives `T` (`"array"` rows or `"records"`). */
export interface DataframeProps<T extends DataframeType = "array"> extends ComponentProps<DataframeReturn> {
  /** The table shown at first: rows, records, or `{ headers, data, metadata }` (or, as for every component, a function that makes it). Empty by default. */
  value?: ComponentProps<DataframeReturn>["value"];
  /** Column headers, used when the value has none. Default "1", "2", "3", … for `col_count` columns. */
  headers?: readonly string[] | null;
  /** The number of rows shown at first, or `[n, "fixed" | "dynamic"]`: "fixed" lets the user neither add nor delete rows. Default dynamic. */
  row_count?: Count | null;
  /** The number of columns, or `[n, "fixed" | "dynamic"]`: "fixed" lets the user neither add nor delete columns. Default the headers' count (3 without headers), dynamic. */
  col_count?: Count | null;
  /** Gradio 6's name for `col_count`. */
  column_count?: Count | null;
  /** `[min, max]` rows the user may have through the UI (Gradio 6); null for no limit. */
  row_limits?: Limits | null;
  /** `[min, max]` columns the user may have through the UI (Gradio 6); null for no limit. */
  column_limits?: Limits | null;
  /**
   * The datatype of every column, or one per column: "str" (default), "number", "bool"
   * (checkboxes), "date", "markdown", "html", "image" (a URL, shown as the image); or "auto": each
   * column's type read from `value` (numbers, booleans, Dates, else text).
   */
  datatype?: Datatype | "auto" | readonly Datatype[];
  /** What the function receives: `"array"` (default, rows of cells) or `"records"` (objects keyed by header). */
  type?: T;
  /** LaTeX delimiters for "markdown" cells, typeset with KaTeX. Default `$$…$$` (display); `[]` turns math off. */
  latex_delimiters?: readonly { left: string; right: string; display: boolean }[] | null;
  /** Most height of the table: pixels for a number, or a CSS length. Rows beyond it scroll. Default 500. */
  max_height?: number | string;
  /** Whether cell text wraps. Default false: one line per cell. */
  wrap?: boolean;
  /** Whether single newlines in "markdown" cells become line breaks. Default true. */
  line_breaks?: boolean;
  /** Width of each column: pixels for a number, or "100px", "20%", "auto". */
  column_widths?: readonly (string | number)[] | null;
  /** Whether a button shows the table full screen (Gradio 5). Default false. */
  show_fullscreen_button?: boolean;
  /** Whether a button copies the table as CSV (Gradio 5). Default false. */
  show_copy_button?: boolean;
  /** Gradio 6's buttons: `["fullscreen", "copy"]` (either turns on its Gradio 5 flag). */
  buttons?: readonly DataframeButton[] | null;
  /** Whether a first column numbers the rows. Default false. */
  show_row_numbers?: boolean;
  /** Most characters a cell shows before "…" (the selected cell shows all). Default no limit. */
  max_chars?: number | null;
  /** A search box above the table ("search"), with a column picker ("filter"), or none (default). */
  show_search?: "none" | "search" | "filter";
  /** How many columns, from the left, stay in place when the table scrolls sideways. */
  pinned_columns?: number | null;
  /** Column indices the user may not edit; they also fix the column count. */
  static_columns?: readonly number[] | null;
}

/**
 * A table of cells, editable as an input. The wire value is Gradio's DataframeData
 * (`{ headers, data, metadata }`); the function receives rows (`type: "array"`) or records
 * (`type: "records"`) and may return rows, records or `{ headers, data }`.
 */
export class DataframeComponent<T extends DataframeType = "array"> extends Component<DataframeValue<T>, DataframeReturn, DataframeData> {
  static override readonly events = dataframeEvents;
  readonly type = "dataframe";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DataframeProps<T>;
  /** The headers used when a value has none. */
  readonly headers: string[];
  /** The row count and whether the user may change it. */
  readonly rowCount: [number, "fixed" | "dynamic"];
  /** The column count and whether the user may change it. */
  readonly colCount: [number, "fixed" | "dynamic"];
  /** Column widths as CSS lengths. */
  readonly columnWidths: string[];
  /** The columns' datatypes ("auto" read from the value; from a CSV value once the server has read it). */
  private datatypes: Datatype | Datatype[];

  constructor(props: DataframeProps<T> = {}) {
    super(props as ComponentProps<DataframeReturn>);
    const type = props.type ?? "array";
    if (PYTHON_TYPES.includes(type as string)) {
      throw new TypeError(
        `Dataframe: type "${type}" is a Python type with no meaning in JavaScript; use type "array" (rows as arrays of cells, the default) or "records" (one object per row, keyed by header)`,
      );
    }
    if (type !== "array" && type !== "records") {
      throw new TypeError(`Dataframe: type must be "array" or "records", got ${JSON.stringify(type)}`);
    }
    const auto = props.datatype === "auto";
    const datatype: Datatype | readonly Datatype[] = props.datatype === "auto" ? "str" : (props.datatype ?? "str");
    for (const t of typeof datatype === "string" ? [datatype] : datatype) {
      if (!DATATYPES.includes(t)) {
        throw new TypeError(`Dataframe: datatype ${JSON.stringify(t)} is not one of ${DATATYPES.map((d) => `"${d}"`).join(", ")}`);
      }
    }
    this.datatypes = typeof datatype === "string" ? datatype : [...datatype];
    if (props.headers && !props.headers.every((h) => typeof h === "string")) {
      throw new TypeError(`Dataframe: headers must be strings, got ${JSON.stringify(props.headers)}`);
    }
    this.rowCount = normalizeCount(props.row_count, 1, "row_count");
    const colProp = props.col_count ?? props.column_count;
    this.colCount = normalizeCount(colProp, props.headers?.length ?? (Array.isArray(datatype) && datatype.length > 0 ? datatype.length : 3), "col_count");
    if (props.headers && colProp !== null && colProp !== undefined && props.headers.length !== this.colCount[0]) {
      throw new RangeError(
        `Dataframe: col_count is ${this.colCount[0]} but headers has ${props.headers.length} items (${JSON.stringify(props.headers)}); make them agree`,
      );
    }
    if (props.static_columns?.length) this.colCount = [this.colCount[0], "fixed"];
    this.headers = props.headers ? [...props.headers] : Array.from({ length: this.colCount[0] }, (_, i) => String(i + 1));
    if (auto) this.datatypes = autoDatatypes(props.value, this.headers);
    this.columnWidths = (props.column_widths ?? []).map((w) =>
      typeof w === "number" ? `${w}px` : /(px|%)$/.test(w) || w === "auto" ? w : `${w}px`,
    );
    const search = props.show_search ?? "none";
    if (search !== "none" && search !== "search" && search !== "filter") {
      throw new TypeError(`Dataframe: show_search must be "none", "search" or "filter", got ${JSON.stringify(search)}`);
    }
    if (props.pinned_columns != null && this.colCount[1] === "fixed" && props.pinned_columns > this.colCount[0]) {
      throw new RangeError(`Dataframe: pinned_columns (${props.pinned_columns}) cannot exceed the ${this.colCount[0]} fixed columns`);
    }
    for (const [name, limits] of [["row_limits", props.row_limits], ["column_limits", props.column_limits]] as const) {
      if (limits != null && (!Array.isArray(limits) || limits.length !== 2 || !limits.every((n) => n === null || (Number.isInteger(n) && n >= 0)))) {
        throw new TypeError(`Dataframe: ${name} must be [min, max] (whole numbers or null), got ${JSON.stringify(limits)}`);
      }
    }
  }

  private get title(): string {
    return this.props.label ? `Dataframe "${this.props.label}"` : "Dataframe";
  }

  private datatypeOf(col: number): Datatype {
    return columnType(this.datatypes, col);
  }

  /**
   * Checks the browser's (or an API client's) table and gives the function its rows (or records):
   * each cell read as its column's datatype ("number" cells as numbers, numeric text parsed;
   * "bool" cells as booleans). A row wider than the headers, a row of the wrong width in a table
   * with fixed columns, or a cell that is not its column's type is a {@link VitrineError} the
   * user sees. Short rows of a dynamic table are filled with empty cells (null).
   */
  override preprocess(payload: DataframeData | null | undefined): DataframeValue<T> {
    if (payload === null || payload === undefined) return [] as unknown as DataframeValue<T>;
    if (typeof payload !== "object" || !Array.isArray(payload.data)) {
      throw new VitrineError(`${this.title}: expected { headers, data } with data a list of rows, got ${describe(payload)}`);
    }
    const headers = payload.headers === null || payload.headers === undefined ? this.headers : payload.headers;
    if (!Array.isArray(headers)) throw new VitrineError(`${this.title}: headers must be a list, got ${describe(headers)}`);
    const names = headers.map((h) => String(h));
    // Gradio sends [[]] for a table without rows.
    const data = payload.data.length === 1 && Array.isArray(payload.data[0]) && payload.data[0].length === 0 ? [] : payload.data;
    const width = names.length;
    const fixed = this.colCount[1] === "fixed";
    if (fixed && width !== this.colCount[0]) {
      throw new VitrineError(`${this.title}: the table has ${width} columns but its column count is fixed at ${this.colCount[0]}`);
    }
    const rows = data.map((row, r) => {
      if (!Array.isArray(row)) throw new VitrineError(`${this.title}: row ${r + 1} is not a list of cells (got ${describe(row)})`);
      if (row.length > width || (fixed && row.length !== width)) {
        throw new VitrineError(`${this.title}: row ${r + 1} has ${row.length} cells but the table has ${width} columns (${names.join(", ")})`);
      }
      return Array.from({ length: width }, (_, c) => {
        const read = coerceCell(c < row.length ? row[c] : null, this.datatypeOf(c));
        if ("error" in read) {
          throw new VitrineError(
            `${this.title}: row ${r + 1}, column "${names[c]}" (${this.datatypeOf(c)}) holds ${describe(row[c])}, which ${read.error}`,
          );
        }
        return read.value;
      });
    });
    if ((this.props.type ?? "array") === "records") {
      return rows.map((row) => Object.fromEntries(names.map((name, c) => [name, row[c]!]))) as DataframeValue<T>;
    }
    return rows as DataframeValue<T>;
  }

  /**
   * Turns what the function returned into DataframeData: rows, a list of cells (one per row),
   * records (headers from their keys, the component's headers first), `{ headers, data,
   * metadata }`, or the path of a CSV file (read through the server's file store, so only from
   * where returned files may come: see {@link readCsv}). Headers are cut or extended ("4", "5",
   * …) to the rows' width, as Gradio does. Cells are read as their column's datatype; a cell
   * that cannot be (text in a "number" column) or rows of the wrong width in a table with fixed
   * columns throw a TypeError.
   */
  override postprocess(value: Exclude<DataframeReturn, string>, context?: ProcessContext): DataframeData;
  override postprocess(value: DataframeReturn, context?: ProcessContext): DataframeData | Promise<DataframeData>;
  override postprocess(value: DataframeReturn, context?: ProcessContext): DataframeData | Promise<DataframeData> {
    if (typeof value === "string") return this.readCsv(value, context).then((table) => this.toPayload(table));
    return this.toPayload(value);
  }

  /**
   * A CSV file's table: the file is taken into the server's file store first, which refuses a
   * path outside the working directory, the temp folder and `allowed_paths` (as for every file
   * a function returns), so a path built from user input reads nothing else.
   */
  private async readCsv(path: string, context: ProcessContext | undefined): Promise<CsvTable> {
    const files = needFiles(this.title, context);
    let text: string;
    try {
      const file = await files.adopt(path, { name: basename(path), mime_type: "text/csv" });
      text = Buffer.from(await files.read(file.path)).toString("utf8");
    } catch (err) {
      throw new TypeError(`${this.title}: a string is read as the path of a CSV file, and ${describe(path)} cannot be read: ${(err as Error).message}`);
    }
    try {
      return parseCsvTable(text);
    } catch (err) {
      throw new TypeError(`${this.title}: ${describe(path)} is not a CSV file: ${(err as Error).message}`);
    }
  }

  private toPayload(value: Exclude<DataframeReturn, string>): DataframeData {
    if (value === null || value === undefined) return this.emptyPayload();
    let headers: string[] | null = null;
    let rows: readonly (readonly unknown[])[];
    let metadata: DataframeMetadata | null = null;
    if (Array.isArray(value)) {
      if (value.length === 0) return this.emptyPayload();
      if (value.every((v) => Array.isArray(v))) {
        rows = value as readonly (readonly unknown[])[];
      } else if (value.every((v) => isRecord(v))) {
        const records = value as readonly Record<string, unknown>[];
        const keys: string[] = [];
        const seen = new Set<string>();
        for (const h of this.headers) if (records.some((r) => Object.hasOwn(r, h)) && !seen.has(h)) (keys.push(h), seen.add(h));
        for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) (keys.push(k), seen.add(k));
        headers = keys;
        rows = records.map((r) => keys.map((k) => r[k] ?? null));
      } else if (value.every((v) => !Array.isArray(v) && !isRecord(v))) {
        rows = (value as readonly unknown[]).map((v) => [v]);
      } else {
        throw new TypeError(`${this.title}: a returned list must hold only rows (lists), only records (objects) or only cells, not a mix`);
      }
    } else if (isRecord(value) && Array.isArray((value as { data?: unknown }).data)) {
      const dict = value as { headers?: readonly (string | number)[] | null; data: readonly (readonly unknown[])[]; metadata?: DataframeMetadata | null };
      if (dict.headers !== undefined && dict.headers !== null && !Array.isArray(dict.headers)) {
        throw new TypeError(`${this.title}: headers must be a list, got ${describe(dict.headers)}`);
      }
      headers = dict.headers?.length ? dict.headers.map((h) => String(h)) : null;
      rows = dict.data.length === 1 && Array.isArray(dict.data[0]) && dict.data[0].length === 0 ? [] : dict.data;
      metadata = dict.metadata ?? null;
      for (const [r, row] of rows.entries()) {
        if (!Array.isArray(row)) throw new TypeError(`${this.title}: data row ${r + 1} is not a list of cells (got ${describe(row)})`);
      }
      if (rows.length === 0) return { headers: headers ?? [...this.headers], data: [], metadata };
    } else {
      throw new TypeError(
        `${this.title}: cannot show ${describe(value)}; return rows (a list of lists), records (a list of objects) or { headers, data }`,
      );
    }
    const width = Math.max(...rows.map((r) => r.length));
    const fixed = this.colCount[1] === "fixed";
    if (fixed) {
      const bad = rows.findIndex((r) => r.length !== this.colCount[0]);
      if (bad >= 0) {
        throw new TypeError(`${this.title}: row ${bad + 1} has ${rows[bad]!.length} cells but the column count is fixed at ${this.colCount[0]}`);
      }
    }
    let names = headers ?? this.headers;
    if (names.length > width) names = names.slice(0, width);
    else if (names.length < width) names = [...names, ...Array.from({ length: width - names.length }, (_, i) => String(names.length + i + 1))];
    const data = rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => {
        const read = coerceCell(c < row.length ? row[c] : null, this.datatypeOf(c));
        if ("error" in read) {
          throw new TypeError(`${this.title}: row ${r + 1}, column "${names[c]}" (${this.datatypeOf(c)}) holds ${describe(row[c])}, which ${read.error}`);
        }
        return read.value;
      }),
    );
    return { headers: [...names], data, metadata };
  }

  override emptyPayload(): DataframeData {
    return { headers: [...this.headers], data: [], metadata: null };
  }

  /** A CSV path as `value` is read when the server starts (it needs the file store). */
  override initialValueNeedsFiles(): boolean {
    return typeof this.valueProp === "string";
  }

  override initialPayload(): DataframeData {
    const value = this.valueProp;
    return value === null || value === undefined || typeof value === "string" ? this.emptyPayload() : this.toPayload(value);
  }

  /** The CSV value, read; with `datatype: "auto"`, the columns' types are read from it too. */
  override async configPropsWithFiles(context: ProcessContext): Promise<Record<string, unknown> | null> {
    const value = this.valueProp;
    if (typeof value !== "string") return null;
    const table = await this.readCsv(value, context);
    if (this.props.datatype === "auto") this.datatypes = inferDatatypes(table.data, table.headers.length);
    return { value: this.toPayload(table), datatype: this.datatypeProp() };
  }

  /** An example given as a CSV path is read with the file store, as Gradio reads it with pandas. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    return typeof example === "string" ? this.postprocess(example, context) : this.processExample(example);
  }

  private datatypeProp(): Datatype | Datatype[] {
    return typeof this.datatypes === "string" ? this.datatypes : [...this.datatypes];
  }

  /** Gradio's DataframeData schema (as pydantic writes it) and the type its clients print. */
  api(): ApiDescription {
    return {
      type: DATAFRAME_DATA_SCHEMA,
      python_type: { type: "Dict(headers: List[Any], data: List[List[Any]], metadata: Dict(str, List[Any] | None) | None)", description: "" },
    };
  }

  override exampleInput(): DataframeData {
    return { headers: ["a", "b"], data: [["foo", "bar"]], metadata: null };
  }

  protected override ownProps(): Record<string, unknown> {
    const p = this.props;
    const buttons = p.buttons ?? null;
    return {
      headers: [...this.headers],
      row_count: [...this.rowCount],
      col_count: [...this.colCount],
      column_count: [...this.colCount],
      row_limits: p.row_limits ? [...p.row_limits] : null,
      column_limits: p.column_limits ? [...p.column_limits] : null,
      datatype: this.datatypeProp(),
      type: p.type ?? "array",
      latex_delimiters: p.latex_delimiters ? p.latex_delimiters.map((d) => ({ ...d })) : [{ left: "$$", right: "$$", display: true }],
      max_height: p.max_height ?? 500,
      wrap: p.wrap ?? false,
      line_breaks: p.line_breaks ?? true,
      column_widths: this.columnWidths,
      show_fullscreen_button: p.show_fullscreen_button ?? buttons?.includes("fullscreen") ?? false,
      show_copy_button: p.show_copy_button ?? buttons?.includes("copy") ?? false,
      buttons: buttons ? [...buttons] : null,
      show_row_numbers: p.show_row_numbers ?? false,
      max_chars: p.max_chars ?? null,
      show_search: p.show_search ?? "none",
      pinned_columns: p.pinned_columns ?? null,
      static_columns: [...(p.static_columns ?? [])],
    };
  }
}
export interface DataframeComponent<T extends DataframeType = "array"> extends Listeners<DataframeEvent, DataframeEventData> {}

/** Gradio's DataframeData JSON schema, as pydantic writes it for its API description. */
export const DATAFRAME_DATA_SCHEMA = {
  properties: {
    headers: { items: {}, title: "Headers", type: "array" },
    data: {
      anyOf: [
        { items: { items: {}, type: "array" }, type: "array" },
        { items: { items: {}, type: "array" }, type: "array" },
      ],
      title: "Data",
    },
    metadata: {
      anyOf: [
        { additionalProperties: { anyOf: [{ items: {}, type: "array" }, { type: "null" }] }, type: "object" },
        { type: "null" },
      ],
      default: null,
      title: "Metadata",
    },
  },
  required: ["headers", "data"],
  title: "DataframeData",
  type: "object",
} as const;

/**
 * The columns' datatypes read from a value (`datatype: "auto"`): rows, records (their columns in
 * the order `postprocess` gives them: the headers first) or `{ headers, data }`; "str" for
 * anything else (a CSV path is read when the server starts).
 */
function autoDatatypes(value: unknown, headers: readonly string[]): Datatype | Datatype[] {
  let rows: readonly (readonly unknown[])[] | null = null;
  if (Array.isArray(value) && value.length > 0 && value.every((r) => Array.isArray(r))) rows = value as unknown[][];
  else if (Array.isArray(value) && value.length > 0 && value.every((r) => isRecord(r))) {
    const records = value as Record<string, unknown>[];
    const keys = [...new Set([...headers.filter((h) => records.some((r) => Object.hasOwn(r, h))), ...records.flatMap((r) => Object.keys(r))])];
    rows = records.map((r) => keys.map((k) => r[k]));
  } else if (isRecord(value) && Array.isArray(value.data)) rows = (value.data as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
  if (!rows || rows.length === 0) return "str";
  return inferDatatypes(rows, Math.max(...rows.map((r) => r.length)));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
}

/** A short description of a value for an error message. */
function describe(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v instanceof Date) return `the date ${v.toISOString()}`;
  try {
    const text = JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(v);
  }
}

/**
 * A table: rows in, rows out. As an input the function receives its rows (arrays of cells, or
 * objects keyed by header with `type: "records"`); as an output it may return rows, records or
 * `{ headers, data }`.
 * @example vt.Dataframe({ headers: ["name", "age"], datatype: ["str", "number"], value: [["Ada", 36]] })
 * @example vt.Dataframe({ type: "records", headers: ["name", "age"] }) // fn gets [{ name, age }, …]
 */
export function Dataframe<const T extends DataframeType = "array">(props: DataframeProps<T> = {}): DataframeComponent<T> {
  return new DataframeComponent<T>(props);
}
export type Dataframe<T extends DataframeType = "array"> = DataframeComponent<T>;
