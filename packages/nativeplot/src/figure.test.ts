import { describe, expect, it } from "@jest/globals";
import { SERIES_COLORS, buildFigure, hueOf, isAggregating, plotlyText, seriesPalette, type FigureTheme } from "./figure.js";
import { toPlotData } from "./table.js";
import type { NativePlotData, NativePlotMark } from "./types.js";

const theme: FigureTheme = {
  text: "rgb(10, 10, 10)",
  subdued: "rgb(90, 90, 90)",
  grid: "rgb(200, 200, 200)",
  accent: "rgb(249, 115, 22)",
  background: "rgb(255, 255, 255)",
  font: "Inter, sans-serif",
  scale: ["rgb(1, 1, 1)", "rgb(2, 2, 2)", "rgb(3, 3, 3)"],
};

function table(rows: Record<string, unknown>[], mark: NativePlotMark): NativePlotData {
  return toPlotData(rows, mark, []);
}

const sales = [
  { day: 3, sales: 9, region: "north", shop: "a" },
  { day: 1, sales: 10, region: "north", shop: "b" },
  { day: 2, sales: 14, region: "north", shop: "a" },
  { day: 2, sales: 8, region: "south", shop: "b" },
  { day: 1, sales: 6, region: "south", shop: "a" },
];

describe("buildFigure: line", () => {
  const figure = buildFigure(table(sales, "line"), { x: "day", y: "sales", color: "region" }, theme);

  it("draws one line per color group, its points sorted by x", () => {
    expect(figure.data.map((t) => [t.type, t.mode, t.name, t.x, t.y])).toEqual([
      ["scatter", "lines", "north", [1, 2, 3], [10, 14, 9]],
      ["scatter", "lines", "south", [1, 2], [6, 8]],
    ]);
  });

  it("colours the first series with the accent and the next from the palette, in a legend", () => {
    expect(figure.data.map((t) => (t.line as { color: string }).color)).toEqual([theme.accent, SERIES_COLORS[0]]);
    expect(figure.data.map((t) => t.showlegend)).toEqual([true, true]);
    expect(figure.layout.showlegend).toBe(true);
    expect((figure.layout.legend as { title: { text: string } }).title.text).toBe("region");
  });

  it("gives each series a colour apart from the accent's hue", () => {
    expect(hueOf("#ff0000")).toBe(0);
    expect(hueOf("rgb(0, 0, 255)")).toBe(240);
    expect(hueOf("rgb(128, 128, 128)")).toBeNull();
    expect(hueOf("oklch(0.7 0.1 30)")).toBeNull();
    // The default accent is orange: Tableau's orange is left out, the blue stays first.
    const palette = seriesPalette(theme.accent);
    expect(palette).not.toContain("#f58518");
    expect(palette[0]).toBe(SERIES_COLORS[0]);
    // A blue accent drops Tableau's blue.
    expect(seriesPalette("rgb(37, 99, 235)")[0]).toBe("#f58518");
    const three = buildFigure(table([{ x: 1, y: 1, c: "a" }, { x: 1, y: 1, c: "b" }, { x: 1, y: 1, c: "c" }], "point"), { x: "x", y: "y", c: "c", color: "c" } as never, theme);
    const colours = three.data.map((t) => (t.marker as { color: string }).color);
    expect(new Set(colours).size).toBe(3);
  });

  it("selects an x range by dragging, in the theme's colours, with a transparent background", () => {
    expect(figure.layout).toMatchObject({
      dragmode: "select",
      selectdirection: "h",
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: theme.font, color: theme.text },
      xaxis: { type: "linear", gridcolor: theme.grid, title: { text: "day" }, tickangle: 0, showticklabels: true },
      yaxis: { gridcolor: theme.grid, title: { text: "sales" } },
    });
    expect(figure.config).toMatchObject({ responsive: true, displayModeBar: false });
  });

  it("names x, y and the series in its tooltip", () => {
    expect(figure.data[0]!.hovertemplate).toBe("sales: %{y}<br>day: %{x}<extra>%{fullData.name}</extra>");
  });

  it("draws a single line without color, and no legend", () => {
    const single = buildFigure(table(sales, "line"), { x: "day", y: "sales" }, theme);
    expect(single.data).toHaveLength(1);
    expect(single.data[0]).toMatchObject({ name: "sales", x: [1, 1, 2, 2, 3], showlegend: false });
    expect(single.layout.showlegend).toBe(false);
    expect(single.data[0]!.hovertemplate).toBe("sales: %{y}<br>day: %{x}<extra></extra>");
  });

  it("takes the first two columns when x and y are not set", () => {
    const plain = buildFigure(table([{ a: 1, b: 2 }, { a: 0, b: 5 }], "line"), {}, theme);
    expect(plain.data[0]).toMatchObject({ x: [0, 1], y: [5, 2] });
  });

  it("aggregates over x bins on a time axis, drawn at each bin's middle", () => {
    const t0 = Date.UTC(2024, 0, 1);
    const rows = [
      { t: new Date(t0 + 10 * 60_000), v: 1 },
      { t: new Date(t0 + 50 * 60_000), v: 3 },
      { t: new Date(t0 + 70 * 60_000), v: 5 },
    ];
    const binned = buildFigure(toPlotData(rows, "line", []), { x: "t", y: "v", x_bin: "1h", y_aggregate: "mean" }, theme);
    expect(binned.data[0]).toMatchObject({ x: [t0 + 1_800_000, t0 + 5_400_000], y: [2, 5] });
    expect(binned.layout.xaxis).toMatchObject({ type: "date" });
    expect(binned.data[0]!.hovertemplate).toBe("v (mean): %{y}<br>t: %{x|%Y-%m-%d %H:%M:%S}<extra></extra>");
  });

  it("thins a line of more than 1000 points, as Gradio does", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i % 7, s: i % 2 ? "odd" : "even" }));
    const long = buildFigure(table(rows, "line"), { x: "x", y: "y", color: "s" }, theme);
    for (const trace of long.data) expect(trace.x.length).toBeLessThanOrEqual(500);
    const short = buildFigure(table(rows.slice(0, 900), "line"), { x: "x", y: "y" }, theme);
    expect(short.data[0]!.x).toHaveLength(900);
    // Scatter plots keep every point.
    expect(buildFigure(table(rows, "point"), { x: "x", y: "y" }, theme).data[0]!.x).toHaveLength(5000);
  });

  it("takes a time x_lim in seconds", () => {
    const t0 = Date.UTC(2024, 0, 1);
    const rows = [{ t: new Date(t0), v: 1 }, { t: new Date(t0 + 1000), v: 2 }];
    const limited = buildFigure(toPlotData(rows, "line", []), { x: "t", y: "v", x_lim: [t0 / 1000, t0 / 1000 + 60] }, theme);
    expect(limited.layout.xaxis).toMatchObject({ range: [t0, t0 + 60_000], autorange: false });
  });
});

describe("buildFigure: bar", () => {
  const fruit = [
    { fruit: "pear", sold: 3, shop: "a" },
    { fruit: "apple", sold: 5, shop: "a" },
    { fruit: "pear", sold: 4, shop: "b" },
    { fruit: "fig", sold: 1, shop: "b" },
  ];

  it("sums y per x category, in the data's order, stacked by color group", () => {
    const figure = buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold", color: "shop" }, theme);
    expect(figure.data.map((t) => [t.type, t.name, t.x, t.y])).toEqual([
      ["bar", "a", ["pear", "apple"], [3, 5]],
      ["bar", "b", ["pear", "fig"], [4, 1]],
    ]);
    expect(figure.layout).toMatchObject({ barmode: "stack", xaxis: { type: "category", categoryorder: "array", categoryarray: ["pear", "apple", "fig"] } });
  });

  it("aggregates with y_aggregate", () => {
    const mean = buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold", y_aggregate: "mean" }, theme);
    expect(mean.data[0]).toMatchObject({ x: ["pear", "apple", "fig"], y: [3.5, 5, 1] });
    const count = buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold", y_aggregate: "count" }, theme);
    expect(count.data[0]!.y).toEqual([2, 1, 1]);
  });

  it("orders the categories as sort says", () => {
    const order = (sort: unknown) =>
      (buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold", sort: sort as "x" }, theme).layout.xaxis as { categoryarray: unknown[] }).categoryarray;
    expect(order("x")).toEqual(["apple", "fig", "pear"]);
    expect(order("-x")).toEqual(["pear", "fig", "apple"]);
    expect(order("y")).toEqual(["fig", "apple", "pear"]);
    expect(order("-y")).toEqual(["pear", "apple", "fig"]);
    expect(order(["fig", "pear"])).toEqual(["fig", "pear", "apple"]);
  });

  it("bins a numeric x with x_bin, bars as wide as a bin", () => {
    const rows = [{ age: 1, n: 1 }, { age: 4, n: 2 }, { age: 12, n: 4 }, { age: 11, n: 1 }];
    const figure = buildFigure(table(rows, "bar"), { x: "age", y: "n", x_bin: 5 }, theme);
    expect(figure.data[0]).toMatchObject({ x: [2.5, 12.5], y: [3, 5], width: [4.75, 4.75] });
  });

  it("colours series from color_map, and lists only colors_in_legend", () => {
    const figure = buildFigure(
      table(fruit, "bar"),
      { x: "fruit", y: "sold", color: "shop", color_map: { b: "#ff0000" }, colors_in_legend: ["b"] },
      theme,
    );
    expect(figure.data.map((t) => (t.marker as { color: string }).color)).toEqual([theme.accent, "#ff0000"]);
    expect(figure.data.map((t) => t.showlegend)).toEqual([false, true]);
    const none = buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold", color: "shop", colors_in_legend: [] }, theme);
    expect(none.layout.showlegend).toBe(false);
  });

  it("selects an x range", () => {
    expect(buildFigure(table(fruit, "bar"), { x: "fruit", y: "sold" }, theme).layout).toMatchObject({ dragmode: "select", selectdirection: "h" });
  });
});

describe("buildFigure: scatter", () => {
  it("draws markers per category, without aggregating, and selects boxes", () => {
    const figure = buildFigure(table(sales, "point"), { x: "day", y: "sales", color: "region" }, theme);
    expect(figure.data.map((t) => [t.mode, t.name, t.x, t.y])).toEqual([
      ["markers", "north", [3, 1, 2], [9, 10, 14]],
      ["markers", "south", [2, 1], [8, 6]],
    ]);
    expect(figure.layout).toMatchObject({ dragmode: "select", selectdirection: "any", hovermode: "closest" });
  });

  it("colours by a numeric column on the theme's continuous scale", () => {
    const rows = [{ x: 1, y: 2, heat: 0.5 }, { x: 2, y: 1, heat: 0.9 }];
    const figure = buildFigure(table(rows, "point"), { x: "x", y: "y", color: "heat", color_title: "Heat" }, theme);
    expect(figure.data).toHaveLength(1);
    expect(figure.data[0]!.marker).toMatchObject({
      color: [0.5, 0.9],
      colorscale: [[0, "rgb(1, 1, 1)"], [0.5, "rgb(2, 2, 2)"], [1, "rgb(3, 3, 3)"]],
      showscale: true,
      colorbar: { title: { text: "Heat" } },
    });
    expect(figure.layout.showlegend).toBe(false);
    expect(figure.data[0]!.hovertemplate).toBe("y: %{y}<br>x: %{x}<br>heat: %{marker.color}<extra></extra>");
  });

  it("aggregates only with x_bin", () => {
    expect(isAggregating("point", "quantitative", null)).toBe(false);
    expect(isAggregating("point", "nominal", null)).toBe(false);
    expect(isAggregating("point", "quantitative", 2)).toBe(true);
    expect(isAggregating("line", "nominal", null)).toBe(true);
    expect(isAggregating("bar", "quantitative", null)).toBe(false);
  });
});

describe("buildFigure: titles, axes and tooltips", () => {
  it("shows the titles, label angles, formats and limits", () => {
    const figure = buildFigure(
      table(sales, "line"),
      {
        x: "day",
        y: "sales",
        title: "Sales <b>per</b> day",
        x_title: "Day",
        y_title: "Units",
        x_label_angle: 45,
        y_label_angle: -30,
        x_axis_format: "~g",
        y_axis_format: ".2e",
        x_axis_labels_visible: "hidden",
        x_lim: [0, 5],
        y_lim: [0, null],
      },
      theme,
    );
    expect(figure.layout.title).toMatchObject({ text: "Sales &lt;b&gt;per&lt;/b&gt; day", font: { color: theme.text } });
    expect(figure.layout.xaxis).toMatchObject({
      title: { text: "Day" },
      tickangle: 45,
      tickformat: "~g",
      showticklabels: false,
      range: [0, 5],
      autorange: false,
    });
    expect(figure.layout.yaxis).toMatchObject({ title: { text: "Units" }, tickangle: -30, tickformat: ".2e", range: [0, 14.4], autorange: false });
    expect(figure.data[0]!.hovertemplate).toBe("Units: %{y}<br>Day: %{x}<extra></extra>");
  });

  it("shows no tooltip with tooltip: none, every column with all, listed ones with a list", () => {
    const none = buildFigure(table(sales, "point"), { x: "day", y: "sales", tooltip: "none" }, theme);
    expect(none.data[0]).toMatchObject({ hoverinfo: "none" });
    expect(none.data[0]!.hovertemplate).toBeUndefined();
    const all = buildFigure(table(sales, "point"), { x: "day", y: "sales", color: "region", tooltip: "all" }, theme);
    expect(all.data[0]!.customdata).toEqual([["a"], ["b"], ["a"]]);
    expect(all.data[0]!.hovertemplate).toBe("sales: %{y}<br>day: %{x}<br>shop: %{customdata[0]}<extra>%{fullData.name}</extra>");
    const listed = buildFigure(table(sales, "point"), { x: "day", y: "sales", tooltip: ["region"] }, theme);
    expect(listed.data[0]!.customdata).toEqual(sales.map((r) => [r.region]));
  });

  it("escapes text plotly would read as markup or a template field", () => {
    expect(plotlyText("a < b & %{x}")).toBe("a &lt; b &amp; %&#123;x}");
  });

  it("leaves a category x without a numeric range and keeps a line over categories aggregated", () => {
    const rows = [{ d: "mon", v: 1 }, { d: "tue", v: 2 }, { d: "mon", v: 3 }];
    const figure = buildFigure(table(rows, "line"), { x: "d", y: "v", x_lim: [0, 1] }, theme);
    expect(figure.data[0]).toMatchObject({ x: ["mon", "tue"], y: [4, 2] });
    expect((figure.layout.xaxis as Record<string, unknown>).range).toBeUndefined();
  });
});
