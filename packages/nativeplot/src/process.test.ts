import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError } from "@vitrine/core";
import {
  BarPlot,
  BarPlotComponent,
  LinePlot,
  LinePlotComponent,
  ScatterPlot,
  ScatterPlotComponent,
  nativePlotEvents,
  nativePlotRecords,
  type NativePlotData,
} from "./index.js";
import { inferDatatype, toPlotTable } from "./table.js";

const records = [
  { day: 1, sales: 10, region: "north" },
  { day: 2, sales: 14, region: "south" },
  { day: 3, sales: 9, region: "north" },
];

const expected: NativePlotData = {
  columns: ["day", "sales", "region"],
  data: [
    [1, 10, "north"],
    [2, 14, "south"],
    [3, 9, "north"],
  ],
  datatypes: { day: "quantitative", sales: "quantitative", region: "nominal" },
  mark: "line",
};

describe("the three native plots", () => {
  it("have Gradio's types, marks and events", () => {
    expect(LinePlot()).toBeInstanceOf(LinePlotComponent);
    expect(BarPlot()).toBeInstanceOf(BarPlotComponent);
    expect(ScatterPlot()).toBeInstanceOf(ScatterPlotComponent);
    expect([LinePlot().type, BarPlot().type, ScatterPlot().type]).toEqual(["lineplot", "barplot", "scatterplot"]);
    expect([LinePlot().mark, BarPlot().mark, ScatterPlot().mark]).toEqual(["line", "bar", "point"]);
    expect([...nativePlotEvents]).toEqual(["change", "select", "double_click"]);
    // One view draws the three kinds, and all of them share plotly.js.
    expect(LinePlot().ui.file).toBe(ScatterPlot().ui.file);
    expect(BarPlot().ui.assets?.plotly).toMatch(/plot[/\\]dist[/\\]plotly$/);
  });

  it("postprocesses records into Gradio's PlotData with each column's datatype", () => {
    const plot = LinePlot({ x: "day", y: "sales", color: "region" });
    expect(plot.postprocess(records)).toEqual(expected);
    expect(BarPlot({ x: "day", y: "sales" }).postprocess(records)?.mark).toBe("bar");
    expect(ScatterPlot({ x: "day", y: "sales" }).postprocess(records)?.mark).toBe("point");
    expect(plot.postprocess(null)).toBeNull();
  });

  it("accepts columns, { headers, data }, nameless rows and Gradio's own PlotData", () => {
    const plot = LinePlot({ x: "day", y: "sales", color: "region" });
    expect(plot.postprocess({ day: [1, 2, 3], sales: [10, 14, 9], region: ["north", "south", "north"] })).toEqual(expected);
    expect(plot.postprocess({ headers: ["day", "sales", "region"], data: expected.data })).toEqual(expected);
    // Rows without names are the x, y and color columns, in that order.
    expect(plot.postprocess(expected.data)).toEqual(expected);
    expect(plot.postprocess({ ...expected, mark: "bar" })).toEqual(expected);
  });

  it("reads Dates as a time axis (ms on the wire), bigints as numbers, and empties as null", () => {
    const plot = LinePlot({ x: "t", y: "v" });
    const t0 = Date.UTC(2024, 0, 1);
    expect(
      plot.postprocess([
        { t: new Date(t0), v: 1n },
        { t: new Date(t0 + 3_600_000), v: Number.NaN },
        { t: new Date(t0 + 7_200_000), v: undefined },
      ]),
    ).toEqual({
      columns: ["t", "v"],
      data: [
        [t0, 1],
        [t0 + 3_600_000, null],
        [t0 + 7_200_000, null],
      ],
      datatypes: { t: "temporal", v: "quantitative" },
      mark: "line",
    });
  });

  it("infers datatypes as Gradio does from pandas dtypes", () => {
    expect(inferDatatype([1, 2.5, null])).toBe("quantitative");
    expect(inferDatatype(["a", null, "b"])).toBe("nominal");
    expect(inferDatatype([new Date(), null])).toBe("temporal");
    expect(inferDatatype([1, "a"])).toBe("nominal");
    expect(inferDatatype([true, false])).toBe("nominal");
    expect(inferDatatype([])).toBe("nominal");
    expect(inferDatatype([null, Number.NaN])).toBe("nominal");
  });

  it("fills a record's missing keys with null and keeps the columns in order of first appearance", () => {
    expect(toPlotTable([{ a: 1 }, { b: "x", a: 2 }], [])).toEqual({
      columns: ["a", "b"],
      data: [
        [1, null],
        [2, "x"],
      ],
      datatypes: { a: "quantitative", b: "nominal" },
    });
  });

  it("names a missing x, y, color or tooltip column, with the columns the data has", () => {
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error("expected a throw");
    };
    expect(msg(() => LinePlot({ x: "date", y: "sales", label: "Sales" }).postprocess(records))).toBe(
      'LinePlot "Sales": x is "date", but the data has no such column (its columns: "day", "sales", "region")',
    );
    expect(msg(() => BarPlot({ x: "day", y: "revenue" }).postprocess(records))).toMatch(/^BarPlot: y is "revenue", but the data has no such column/);
    expect(msg(() => ScatterPlot({ x: "day", y: "sales", color: "shop" }).postprocess(records))).toMatch(/^ScatterPlot: color is "shop"/);
    expect(msg(() => ScatterPlot({ x: "day", y: "sales", tooltip: ["price"] }).postprocess(records))).toMatch(/tooltip is "price"/);
    // An initial value is checked when the plot is made.
    expect(() => LinePlot({ value: records, x: "when", y: "sales" })).toThrow(/x is "when"/);
  });

  it("says what is wrong with a malformed table", () => {
    const plot = LinePlot({ x: "a", y: "b" });
    expect(() => plot.postprocess({ a: [1, 2], b: [1] })).toThrow('LinePlot: column "b" has 1 values but "a" has 2; columns must be as long as each other');
    expect(() => plot.postprocess({ headers: ["a", "b"], data: [[1, 2, 3]] })).toThrow("LinePlot: row 0 has 3 cells but there are 2 columns (a, b)");
    expect(() => plot.postprocess([[1, 2, 3]])).toThrow(/rows without column names are read as the columns "a", "b" \(x, y\)/);
    expect(() => LinePlot().postprocess([[1, 2]])).toThrow(/rows without column names need the plot's x and y set/);
    expect(() => plot.postprocess([{ a: 1, b: {} }] as never)).toThrow('LinePlot: row 0, column "b" is an object; a cell must be a number, text, a boolean, a Date or null');
    expect(() => plot.postprocess("a,b" as never)).toThrow(/a plot takes a table/);
    expect(() => plot.postprocess({ a: 1 } as never)).toThrow(/got an object with keys "a"/);
    expect(() => plot.postprocess({ headers: ["a", "a"], data: [] })).toThrow('two columns are named "a"');
  });

  it("passes the browser's PlotData to the function, checking its shape", () => {
    const plot = ScatterPlot({ x: "day", y: "sales" });
    const wire = JSON.parse(JSON.stringify(plot.postprocess(records))) as NativePlotData;
    expect(plot.preprocess(wire)).toEqual({ ...expected, mark: "point" });
    expect(nativePlotRecords(plot.preprocess(wire)!)).toEqual(records);
    expect(plot.preprocess(null)).toBeNull();
    expect(() => plot.preprocess({ rows: [] } as never)).toThrow(VitrineError);
    expect(() => plot.preprocess({ columns: ["a"], data: [[1, 2]], datatypes: {}, mark: "point" })).toThrow(/row 0 has 2 cells/);
    expect(() => plot.preprocess({ columns: ["a"], data: [[1]], datatypes: { a: "number" as never }, mark: "point" })).toThrow(/datatype "number"/);
  });

  it("describes itself for the API as Gradio does (any JSON)", () => {
    expect(LinePlot().api()).toEqual({
      type: { type: {}, description: "any valid json" },
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    });
    expect(LinePlot().exampleInput()).toBeNull();
    expect(BarPlot({ x: "day", y: "sales" }).processExample(records)).toEqual({ ...expected, mark: "bar" });
  });

  it("puts every Gradio parameter in the config, with Gradio's defaults", () => {
    const props = LinePlot({ x: "day", y: "sales" }).configProps();
    expect(props).toMatchObject({
      x: "day",
      y: "sales",
      color: null,
      title: null,
      x_title: null,
      y_title: null,
      color_title: null,
      x_bin: null,
      y_aggregate: null,
      color_map: null,
      colors_in_legend: null,
      x_lim: null,
      y_lim: null,
      x_label_angle: 0,
      y_label_angle: 0,
      x_axis_format: null,
      y_axis_format: null,
      x_axis_labels_visible: true,
      caption: null,
      sort: null,
      tooltip: "axis",
      height: null,
      buttons: [],
      show_label: false,
      value: null,
      name: "lineplot",
    });
    expect(LinePlot({ label: "Sales" }).configProps().show_label).toBe(true);
    expect(LinePlot({ label: "Sales", show_label: false }).configProps().show_label).toBe(false);
  });

  it("takes Gradio 6's buttons and Gradio 5's show_*_button", () => {
    expect(BarPlot({ buttons: ["export"] }).configProps().buttons).toEqual(["export"]);
    const old = BarPlot({ show_fullscreen_button: true, show_export_button: true }).configProps();
    expect(old.buttons).toEqual(["fullscreen", "export"]);
    expect(old).not.toHaveProperty("show_export_button");
    expect(() => BarPlot({ buttons: ["share" as "export"] })).toThrow(/buttons may hold "fullscreen" and "export"/);
  });

  it("validates its options", () => {
    expect(() => BarPlot({ y_aggregate: "avg" as "mean" })).toThrow('BarPlot: y_aggregate must be one of sum, mean, median, min, max, count, got "avg"');
    expect(() => LinePlot({ x_bin: "1w" })).toThrow(/x_bin must be a positive number or a duration/);
    expect(() => LinePlot({ x_bin: -2 })).toThrow(/x_bin/);
    expect(() => LinePlot({ sort: "z" as "x" })).toThrow(/sort must be/);
    expect(() => LinePlot({ tooltip: "some" as "all" })).toThrow(/tooltip must be/);
    expect(() => LinePlot({ x_lim: [0] as never })).toThrow(/x_lim must be \[min, max\]/);
    expect(() => LinePlot({ color_map: { a: 3 as never } })).toThrow(/color_map/);
    expect(() => LinePlot({ x: 3 as never })).toThrow(/x must be a column name/);
    expect(() => LinePlot({ x_bin: "15m", y_aggregate: "mean", sort: ["b", "a"], x_lim: [0, null], tooltip: ["a"] })).not.toThrow();
  });

  it("types select's data in a listener and serializes into an app's config", () => {
    let plot!: ScatterPlotComponent;
    const app = Blocks(() => {
      plot = ScatterPlot({ value: records, x: "day", y: "sales", label: "Sales" });
      plot.select({
        fn: (_ctx: { event: { data: { index: readonly [number, number] } } }) => undefined,
        inputs: [],
        outputs: [],
      });
    });
    const config = app.config().components.find((c) => c.id === plot.id)!;
    expect(config.type).toBe("scatterplot");
    expect(config.props.value).toEqual({ ...expected, mark: "point" });
    expect(config.api_info).toEqual({ type: {}, description: "any valid json" });
  });
});
