import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Blocks, VitrineError, fileData, isUserError, type FileData, type FileStore, type ProcessContext } from "@vitrine/core";
import { Dataframe, DataframeComponent, dataframeEvents } from "./index.js";
import { compareCells, inferDatatypes, matchesFilter, toCsv, toTsv } from "./cells.js";
import { parseCsvTable } from "./csv.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("Dataframe preprocess", () => {
  const people = { headers: ["name", "age", "member"], data: [["Tim", 12, false], ["Jan", "24", "true"]], metadata: null };

  it("gives the function rows, each cell read as its column's datatype", () => {
    const df = Dataframe({ headers: ["name", "age", "member"], datatype: ["str", "number", "bool"] });
    expect(df).toBeInstanceOf(DataframeComponent);
    expect(df.preprocess(people)).toEqual([["Tim", 12, false], ["Jan", 24, true]]);
    // A str column keeps what it gets; an empty number cell is null.
    expect(df.preprocess({ headers: ["name", "age", "member"], data: [["7", "", null]] })).toEqual([["7", null, null]]);
  });

  it("gives records keyed by header with type 'records'", () => {
    const df = Dataframe({ type: "records", headers: ["name", "age", "member"], datatype: ["str", "number", "bool"] });
    expect(df.preprocess(people)).toEqual([
      { name: "Tim", age: 12, member: false },
      { name: "Jan", age: 24, member: true },
    ]);
  });

  it("reads Gradio's [[]] and null as no rows, and fills short rows of a dynamic table", () => {
    const df = Dataframe({ headers: ["a", "b"] });
    expect(df.preprocess({ headers: ["a", "b"], data: [[]] })).toEqual([]);
    expect(df.preprocess(null)).toEqual([]);
    expect(df.preprocess({ headers: ["a", "b"], data: [["x"]] })).toEqual([["x", null]]);
  });

  it("refuses a cell that is not its column's type, naming row, column and value", () => {
    const df = Dataframe({ label: "People", headers: ["name", "age"], datatype: ["str", "number"] });
    const err = thrown(() => df.preprocess({ headers: ["name", "age"], data: [["Ada", 36], ["Bob", "old"]] }));
    expect(err).toBeInstanceOf(VitrineError);
    expect(isUserError(err)).toBe(true);
    expect(err.message).toBe('Dataframe "People": row 2, column "age" (number) holds "old", which is not a number');
    expect(thrown(() => Dataframe({ datatype: "bool", headers: ["ok"] }).preprocess({ headers: ["ok"], data: [["maybe"]] })).message).toBe(
      'Dataframe: row 1, column "ok" (bool) holds "maybe", which is not a boolean (true or false)',
    );
    expect(thrown(() => Dataframe({ datatype: "date", headers: ["d"] }).preprocess({ headers: ["d"], data: [["not a date"]] })).message).toMatch(
      /holds "not a date", which is not a date/,
    );
    expect(thrown(() => df.preprocess({ headers: ["name", "age"], data: [[{ x: 1 }, 2]] } as never)).message).toMatch(/is not a cell value/);
  });

  it("refuses ragged rows: wider than the headers always, any other width when columns are fixed", () => {
    const dynamic = Dataframe({ headers: ["a", "b"] });
    const wide = thrown(() => dynamic.preprocess({ headers: ["a", "b"], data: [["1", "2"], ["1", "2", "3"]] }));
    expect(wide).toBeInstanceOf(VitrineError);
    expect(wide.message).toBe("Dataframe: row 2 has 3 cells but the table has 2 columns (a, b)");
    const fixed = Dataframe({ headers: ["a", "b"], col_count: [2, "fixed"] });
    expect(thrown(() => fixed.preprocess({ headers: ["a", "b"], data: [["1"]] })).message).toBe(
      "Dataframe: row 1 has 1 cells but the table has 2 columns (a, b)",
    );
    expect(thrown(() => fixed.preprocess({ headers: ["a", "b", "c"], data: [] })).message).toBe(
      "Dataframe: the table has 3 columns but its column count is fixed at 2",
    );
    expect(thrown(() => dynamic.preprocess({ headers: ["a"], data: "x" } as never))).toBeInstanceOf(VitrineError);
    expect(thrown(() => dynamic.preprocess({ headers: ["a"], data: ["x"] } as never)).message).toBe(
      'Dataframe: row 1 is not a list of cells (got "x")',
    );
  });
});

describe("Dataframe postprocess", () => {
  it("takes rows, and fits the headers to their width as Gradio does", () => {
    expect(Dataframe().postprocess([[1, 3, 5]])).toEqual({ headers: ["1", "2", "3"], data: [[1, 3, 5]], metadata: null });
    const three = Dataframe({ headers: ["one", "two", "three"] });
    expect(three.postprocess([[2, true], [3, true]])).toEqual({ headers: ["one", "two"], data: [[2, true], [3, true]], metadata: null });
    expect(three.postprocess([[2, true, "ab", 4], [3, true, "cd", 5]])).toEqual({
      headers: ["one", "two", "three", "4"],
      data: [[2, true, "ab", 4], [3, true, "cd", 5]],
      metadata: null,
    });
    // Short rows are filled with empty cells.
    expect(three.postprocess([[1, 2, 3], [4]]).data).toEqual([[1, 2, 3], [4, null, null]]);
  });

  it("takes a list of cells as one column, and null or [] as an empty table", () => {
    expect(Dataframe({ headers: ["x"] }).postprocess([1, 2, 3])).toEqual({ headers: ["x"], data: [[1], [2], [3]], metadata: null });
    expect(Dataframe({ headers: ["a", "b"] }).postprocess(null)).toEqual({ headers: ["a", "b"], data: [], metadata: null });
    expect(Dataframe().postprocess([])).toEqual({ headers: ["1", "2", "3"], data: [], metadata: null });
  });

  it("takes records: headers from their keys, the component's headers first, missing keys empty", () => {
    const df = Dataframe({ headers: ["age", "name"] });
    expect(df.postprocess([{ name: "Ada", age: 36 }, { name: "Bob", city: "Oslo" }])).toEqual({
      headers: ["age", "name", "city"],
      data: [[36, "Ada", null], [null, "Bob", "Oslo"]],
      metadata: null,
    });
  });

  it("takes { headers, data, metadata } as Gradio's dict, and turns dates into ISO text", () => {
    const when = new Date(Date.UTC(2024, 0, 2));
    const metadata = { display_value: [["A", "2 Jan"]], styling: [["color: red", ""]] };
    expect(Dataframe({ datatype: ["str", "date"] }).postprocess({ headers: ["n", "when"], data: [["a", when]], metadata })).toEqual({
      headers: ["n", "when"],
      data: [["a", "2024-01-02T00:00:00.000Z"]],
      metadata,
    });
    expect(Dataframe({ headers: ["a"] }).postprocess({ data: [["x"]] })).toEqual({ headers: ["a"], data: [["x"]], metadata: null });
    expect(Dataframe({ headers: ["a"] }).postprocess({ headers: ["q", "r"], data: [[]] })).toEqual({ headers: ["q", "r"], data: [], metadata: null });
  });

  it("reads number columns as numbers and refuses what cannot be one", () => {
    const df = Dataframe({ label: "Prices", datatype: ["str", "number"], headers: ["item", "price"] });
    expect(df.postprocess([["tea", "1.5"], ["jam", 2], ["nut", Number.NaN]]).data).toEqual([["tea", 1.5], ["jam", 2], ["nut", null]]);
    const err = thrown(() => df.postprocess([["tea", "cheap"]]));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('Dataframe "Prices": row 1, column "price" (number) holds "cheap", which is not a number');
  });

  it("refuses rows of the wrong width when columns are fixed, mixed lists, and other values", () => {
    const fixed = Dataframe({ headers: ["a", "b"], col_count: [2, "fixed"] });
    expect(thrown(() => fixed.postprocess([[1, 2], [1, 2, 3]])).message).toBe("Dataframe: row 2 has 3 cells but the column count is fixed at 2");
    expect(thrown(() => Dataframe().postprocess([[1], { a: 1 }] as never)).message).toMatch(/not a mix/);
    expect(thrown(() => Dataframe().postprocess(3 as never)).message).toMatch(/cannot show 3; return rows/);
  });

  it("round trips: what postprocess sends, preprocess gives back", () => {
    const df = Dataframe({ headers: ["name", "age", "member"], datatype: ["str", "number", "bool"] });
    const rows = [["Tim", 12, false], ["Jan", 24, true]];
    expect(df.preprocess(df.postprocess(rows))).toEqual(rows);
  });
});

describe("Dataframe props", () => {
  it("refuses Gradio's Python types with a hint, and bad props", () => {
    expect(thrown(() => Dataframe({ type: "pandas" as "array" })).message).toBe(
      'Dataframe: type "pandas" is a Python type with no meaning in JavaScript; use type "array" (rows as arrays of cells, the default) or "records" (one object per row, keyed by header)',
    );
    expect(() => Dataframe({ type: "numpy" as "array" })).toThrow(/use type "array"/);
    expect(() => Dataframe({ type: "polars" as "array" })).toThrow(/use type "array"/);
    expect(() => Dataframe({ type: "table" as "array" })).toThrow(TypeError);
    expect(() => Dataframe({ datatype: "picture" as "str" })).toThrow(/datatype "picture" is not one of/);
    expect(() => Dataframe({ headers: ["a", "b"], col_count: 3 })).toThrow(/col_count is 3 but headers has 2 items/);
    expect(() => Dataframe({ row_count: [2, "sometimes"] as never })).toThrow(/row_count must be a number or \[n, "fixed" \| "dynamic"\]/);
    expect(() => Dataframe({ show_search: "find" as "search" })).toThrow(/show_search/);
    expect(() => Dataframe({ headers: ["a"], col_count: [1, "fixed"], pinned_columns: 2 })).toThrow(/pinned_columns/);
    expect(() => Dataframe({ row_limits: [1] as never })).toThrow(/row_limits/);
  });

  it("serializes Gradio's config props", () => {
    let df!: DataframeComponent;
    const app = Blocks(() => {
      df = Dataframe({ label: "People", headers: ["name", "age"], datatype: ["str", "number"], column_widths: [120, "30%"], value: [["Ada", 36]] });
    });
    const config = app.config().components.find((c) => c.id === df.id)!;
    expect(config.type).toBe("dataframe");
    expect(config.props).toMatchObject({
      label: "People",
      headers: ["name", "age"],
      row_count: [1, "dynamic"],
      col_count: [2, "dynamic"],
      datatype: ["str", "number"],
      type: "array",
      max_height: 500,
      wrap: false,
      line_breaks: true,
      column_widths: ["120px", "30%"],
      show_copy_button: false,
      show_fullscreen_button: false,
      show_row_numbers: false,
      show_search: "none",
      pinned_columns: null,
      static_columns: [],
      latex_delimiters: [{ left: "$$", right: "$$", display: true }],
      value: { headers: ["name", "age"], data: [["Ada", 36]], metadata: null },
      name: "dataframe",
    });
    expect(config.api_info).toMatchObject({ title: "DataframeData", required: ["headers", "data"] });
    // static_columns fix the column count; Gradio 6's buttons turn on the Gradio 5 flags; column_count is col_count's alias.
    const stat = Dataframe({ headers: ["a", "b"], static_columns: [0], buttons: ["copy"], column_count: 2 });
    expect(stat.configProps()).toMatchObject({ col_count: [2, "fixed"], show_copy_button: true, show_fullscreen_button: false });
    expect(Dataframe().configProps().value).toEqual({ headers: ["1", "2", "3"], data: [], metadata: null });
  });

  it("describes DataframeData for the API like Gradio", () => {
    const api = Dataframe().api();
    expect(api.python_type.type).toBe("Dict(headers: List[Any], data: List[List[Any]], metadata: Dict(str, List[Any] | None) | None)");
    expect(api.type).toMatchObject({ type: "object", properties: { headers: { type: "array" } } });
    expect(Dataframe().exampleInput()).toEqual({ headers: ["a", "b"], data: [["foo", "bar"]], metadata: null });
  });

  it("declares Gradio's events and types the function", () => {
    expect([...dataframeEvents]).toEqual(["change", "input", "select", "edit"]);
    let input!: DataframeComponent;
    const app = Blocks(() => {
      input = Dataframe({ headers: ["x"], datatype: "number" });
      const out = Dataframe({ headers: ["x", "double"] });
      input.change({ fn: (rows) => rows.map((r) => [r[0] ?? null, Number(r[0]) * 2]), inputs: [input], outputs: [out] });
    });
    expect(app.dependencies[0]!.fn!(input.preprocess({ headers: ["x"], data: [["2"]] }))).toEqual([[2, 4]]);
  });
});

describe("cells", () => {
  it("sorts numbers numerically, dates by date, text naturally, empties last", () => {
    const sort = (cells: (string | number | null)[], type: "str" | "number" | "date", dir: 1 | -1 = 1) =>
      [...cells].sort((a, b) => compareCells(a, b, type, dir));
    expect(sort([10, 9, "100", null, 1], "number")).toEqual([1, 9, 10, "100", null]);
    expect(sort([10, 9, "100", null, 1], "number", -1)).toEqual(["100", 10, 9, 1, null]);
    expect(sort(["2024-03-01", "2023-12-31", "2024-01-15"], "date")).toEqual(["2023-12-31", "2024-01-15", "2024-03-01"]);
    expect(sort(["item 10", "item 2", "", "Item 1"], "str")).toEqual(["Item 1", "item 2", "item 10", ""]);
  });

  it("filters by text and number conditions", () => {
    expect(matchesFilter("Bread", "contains", "EA")).toBe(true);
    expect(matchesFilter("Bread", "starts with", "br")).toBe(true);
    expect(matchesFilter("Bread", "is not", "bread")).toBe(false);
    expect(matchesFilter(12.4, ">", "10")).toBe(true);
    expect(matchesFilter("9", "≤", "9")).toBe(true);
    expect(matchesFilter("abc", ">", "1")).toBe(false);
    expect(matchesFilter(null, "is empty", "")).toBe(true);
    expect(matchesFilter(0, "is not empty", "")).toBe(true);
  });

  it("writes CSV and TSV", () => {
    expect(toCsv([["a", "b"], ['say "hi"', "x,y"], [1, null]])).toBe('a,b\n"say ""hi""","x,y"\n1,');
    expect(toTsv([["a", "b"], ["x\ty", true]])).toBe("a\tb\nx y\ttrue");
  });
});

/** A FileStore that adopts only files of one folder (as the server's refuses paths outside its allowed places). */
class FolderStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();
  constructor(private readonly folder: string) {}
  async save(data: Uint8Array): Promise<FileData> {
    const path = `/cache/${this.files.size}`;
    this.files.set(path, data);
    return fileData(path);
  }
  async adopt(path: string): Promise<FileData> {
    if (!path.startsWith(this.folder)) throw new VitrineError(`${path} is outside the allowed folders`);
    return this.save(new Uint8Array(await readFile(path)));
  }
  async resolve(file: FileData): Promise<string> {
    return file.path;
  }
  async read(path: string): Promise<Uint8Array> {
    return this.files.get(path)!;
  }
}

describe("a CSV file as a table", () => {
  let dir = "";
  let ctx: ProcessContext;
  const csv = '\ufeffname,age,member,joined\nAda,36,True,2024-01-02\n"Lovelace, A.",,false,\nBob,1e3,FALSE,"said ""hi"""\n';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vt-df-csv-"));
    await writeFile(join(dir, "people.csv"), csv);
    await writeFile(join(dir, "bad.csv"), 'a,b\n"unclosed,1\n');
    ctx = { files: new FolderStore(dir) };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads the header row, numbers and booleans by column, empty cells as null, quotes and a BOM", () => {
    expect(parseCsvTable(csv)).toEqual({
      headers: ["name", "age", "member", "joined"],
      data: [
        ["Ada", 36, true, "2024-01-02"],
        ["Lovelace, A.", null, false, null],
        ["Bob", 1000, false, 'said "hi"'],
      ],
    });
    // Short rows are filled; a wider row names its extra columns.
    expect(parseCsvTable("a,b\n1\n1,2,3\n")).toEqual({ headers: ["a", "b", "3"], data: [[1, null, null], [1, 2, 3]] });
    expect(parseCsvTable("")).toEqual({ headers: [], data: [] });
  });

  it("a function's returned path shows the file's table, read through the file store", async () => {
    const df = Dataframe({ datatype: ["str", "number", "bool", "str"] });
    expect(await df.postprocess(join(dir, "people.csv"), ctx)).toEqual({
      headers: ["name", "age", "member", "joined"],
      data: [
        ["Ada", 36, true, "2024-01-02"],
        ["Lovelace, A.", null, false, null],
        ["Bob", 1000, false, 'said "hi"'],
      ],
      metadata: null,
    });
  });

  it("refuses a path the file store refuses, a missing file, a file that is no CSV, and no file store, naming the path", async () => {
    const df = Dataframe({ label: "People" });
    await expect(df.postprocess("/etc/passwd", ctx)).rejects.toThrow(
      'Dataframe "People": a string is read as the path of a CSV file, and "/etc/passwd" cannot be read: /etc/passwd is outside the allowed folders',
    );
    await expect(df.postprocess(join(dir, "missing.csv"), ctx)).rejects.toThrow(/missing\.csv" cannot be read: ENOENT/);
    await expect(df.postprocess(join(dir, "bad.csv"), ctx)).rejects.toThrow(/bad\.csv" is not a CSV file: /);
    await expect(df.postprocess("people.csv")).rejects.toThrow(/needs the server's file store/);
  });

  it("a CSV path as value is read when the server starts, with datatype 'auto' read from its columns", async () => {
    const df = Dataframe({ value: join(dir, "people.csv"), datatype: "auto", headers: ["x"] });
    expect(df.initialValueNeedsFiles()).toBe(true);
    expect(df.configProps().value).toEqual({ headers: ["x"], data: [], metadata: null });
    const withFiles = await df.configPropsWithFiles(ctx);
    expect(withFiles).toMatchObject({ datatype: ["str", "number", "bool", "str"], value: { headers: ["name", "age", "member", "joined"] } });
    // The function then gets the columns' types.
    expect(df.preprocess({ headers: ["name", "age", "member", "joined"], data: [["Cy", "7", "true", ""]] })).toEqual([["Cy", 7, true, ""]]);
  });

  it("an example given as a CSV path becomes its table", async () => {
    const df = Dataframe();
    expect(await df.processExampleWithFiles(join(dir, "people.csv"), ctx)).toMatchObject({ headers: ["name", "age", "member", "joined"], data: [["Ada", 36, true, "2024-01-02"], expect.anything(), expect.anything()] });
    expect(await df.processExampleWithFiles([[1, 2]], ctx)).toMatchObject({ data: [[1, 2]] });
  });
});

describe("datatype 'auto' and 'image'", () => {
  it("reads each column's type from a value of rows, records or { headers, data }", () => {
    const when = new Date("2024-05-06T00:00:00Z");
    expect(Dataframe({ datatype: "auto", value: [["a", 1, true, when], ["b", 2.5, false, null]] }).configProps().datatype).toEqual(["str", "number", "bool", "date"]);
    expect(Dataframe({ datatype: "auto", headers: ["n", "name"], value: [{ name: "x", n: 3 }] }).configProps().datatype).toEqual(["number", "str"]);
    expect(Dataframe({ datatype: "auto", value: { headers: ["ok"], data: [[true], [null]] } }).configProps().datatype).toEqual(["bool"]);
    // Nothing to read from: text.
    expect(Dataframe({ datatype: "auto" }).configProps().datatype).toBe("str");
    expect(inferDatatypes([[1, "x"], ["y", null]], 3)).toEqual(["str", "str", "str"]);
  });

  it("the function gets numbers from a column 'auto' read as numbers", () => {
    const df = Dataframe({ datatype: "auto", headers: ["name", "n"], value: [["a", 1]] });
    expect(df.preprocess({ headers: ["name", "n"], data: [["b", "12"]] })).toEqual([["b", 12]]);
  });

  it("an 'image' column holds its images' URLs as text", () => {
    const df = Dataframe({ datatype: ["str", "image"], headers: ["name", "photo"] });
    const row = ["cat", "https://example.com/cat.png"];
    expect(df.postprocess([row])).toMatchObject({ data: [row] });
    expect(df.preprocess({ headers: ["name", "photo"], data: [row] })).toEqual([row]);
    expect(() => Dataframe({ datatype: ["picture" as "image"] })).toThrow(/"image"/);
  });
});
