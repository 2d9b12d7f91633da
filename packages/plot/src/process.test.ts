import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Blocks, VitrineError } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { PLOTLY_ASSETS } from "./assets.js";
import { Plot, figureTitle, type PlotData, type PlotlyFigure } from "./index.js";

const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"));
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

const line: PlotlyFigure = { data: [{ type: "scatter", mode: "lines", x: [1, 2, 3], y: [2, 4, 3] }], layout: { title: { text: "Line" } } };

describe("Plot postprocess", () => {
  const store = new TempFileStore();
  afterAll(() => store.dispose());

  it("sends a plotly figure as Gradio's PlotData: type plotly, plot its JSON text", () => {
    const out = Plot().postprocess(line) as PlotData;
    expect(out.type).toBe("plotly");
    expect(typeof out.plot).toBe("string");
    expect(JSON.parse(out.plot)).toEqual(line);
    expect(Plot().postprocess(null)).toBeNull();
  });

  it("takes an object with toJSON(), a figure's JSON text, and typed arrays", () => {
    const figureLike = { toJSON: () => ({ data: [{ type: "bar", x: ["a"], y: [1] }] }) };
    expect(JSON.parse((Plot().postprocess(figureLike) as PlotData).plot)).toEqual({ data: [{ type: "bar", x: ["a"], y: [1] }] });
    expect(JSON.parse((Plot().postprocess(JSON.stringify(line)) as PlotData).plot)).toEqual(line);
    const typed = { data: [{ type: "scatter", y: Float64Array.from([1.5, 2.5]) }] } as unknown as PlotlyFigure;
    expect(JSON.parse((Plot().postprocess(typed) as PlotData).plot)).toEqual({ data: [{ type: "scatter", y: [1.5, 2.5] }] });
  });

  it("passes a PlotData through as it is", () => {
    const data: PlotData = { type: "altair", plot: "{}", chart: "bar" };
    expect(Plot().postprocess(data)).toEqual(data);
  });

  it("sends an image of a plot (bytes, data URL, path) as a matplotlib PlotData with a data URL", async () => {
    const fromBytes = Plot().postprocess(PNG) as PlotData;
    expect(fromBytes).toEqual({ type: "matplotlib", plot: `data:image/png;base64,${Buffer.from(PNG).toString("base64")}` });
    expect(Plot().postprocess(fromBytes.plot)).toEqual(fromBytes);
    const svg = Plot().postprocess(new TextEncoder().encode(SVG)) as PlotData;
    expect(svg.plot.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Plot().postprocess(SVG)).toEqual(svg);
    const dir = mkdtempSync(join(tmpdir(), "plot-test-"));
    writeFileSync(join(dir, "chart.png"), PNG);
    await expect(Plot().postprocess(join(dir, "chart.png"), store.context)).resolves.toEqual(fromBytes);
    expect(store.saved.map((f) => f.orig_name)).toContain("chart.png");
  });

  it("rejects what is not a plot, naming the component and the problem", async () => {
    const plot = Plot({ label: "Sales" });
    expect(() => plot.postprocess({ layout: {} } as unknown as PlotlyFigure)).toThrow('Plot "Sales": a figure needs a `data` array of traces, got nothing');
    expect(() => plot.postprocess({ data: [1] } as unknown as PlotlyFigure)).toThrow("trace 0 of `data` is not an object");
    expect(() => plot.postprocess({ data: [], layout: [] } as unknown as PlotlyFigure)).toThrow("`layout` must be an object");
    expect(() => plot.postprocess("{not json")).toThrow(/Plot "Sales": the plotly figure is not valid JSON/);
    expect(() => plot.postprocess(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG, JPEG, WebP, GIF or SVG image/);
    expect(() => plot.postprocess("https://example.com/chart.png")).toThrow(/a URL is not a plot/);
    expect(() => plot.postprocess(42 as unknown as PlotlyFigure)).toThrow(/got number 42/);
    expect(() => plot.postprocess("notes.txt")).toThrow(/"notes.txt" is not a plotly figure's JSON nor a PNG, JPEG, WebP, GIF or SVG image path/);
    expect(() => plot.postprocess("chart.png")).toThrow(/needs the server's file store/);
  });
});

describe("Plot preprocess", () => {
  it("gives the function the figure of a plotly PlotData, and null when empty", () => {
    const plot = Plot();
    expect(plot.preprocess({ type: "plotly", plot: JSON.stringify(line) })).toEqual(line);
    expect(plot.preprocess(null)).toBeNull();
    expect(plot.preprocess(line)).toEqual(line);
  });

  it("gives the PlotData of an image or another library's plot as it is", () => {
    const image: PlotData = { type: "matplotlib", plot: "data:image/png;base64,AAAA" };
    expect(Plot().preprocess(image)).toEqual(image);
  });

  it("rejects a payload that is not PlotData with a VitrineError", () => {
    const plot = Plot({ label: "In" });
    expect(() => plot.preprocess({ type: "excel", plot: "x" } as unknown as PlotData)).toThrow(VitrineError);
    expect(() => plot.preprocess({ type: "excel", plot: "x" } as unknown as PlotData)).toThrow(/Plot "In": expected a PlotData/);
    expect(() => plot.preprocess({ type: "plotly", plot: "{oops" })).toThrow(VitrineError);
    expect(() => plot.preprocess({ type: "plotly", plot: '{"data": 3}' })).toThrow(/a figure needs a `data` array/);
  });
});

describe("Plot in an app", () => {
  it("describes itself for the page and the API, and declares plotly.js as a shared asset folder", () => {
    const app = Blocks(() => {
      Plot({ label: "Votes", value: line, format: "png", every: null });
    });
    const [config] = app.config().components.filter((c) => c.type === "plot");
    expect(config).toMatchObject({
      type: "plot",
      props: { label: "Votes", format: "png", bokeh_version: null, name: "plot", value: { type: "plotly", plot: JSON.stringify(line) } },
      api_info: { title: "PlotData", required: ["type", "plot"] },
    });
    expect(Plot().ui.assets).toEqual({ plotly: PLOTLY_ASSETS });
    expect(PLOTLY_ASSETS.endsWith(join("plot", "dist", "plotly"))).toBe(true);
  });

  it("makes an initial image path with the file store, not without it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plot-test-"));
    writeFileSync(join(dir, "chart.svg"), SVG);
    const plot = Plot({ value: join(dir, "chart.svg") });
    expect(plot.initialPayload()).toBeNull();
    expect(plot.initialValueNeedsFiles()).toBe(true);
    const store = new TempFileStore();
    const payload = (await plot.initialPayloadWithFiles(store.context)) as PlotData;
    expect(payload.type).toBe("matplotlib");
    expect(Buffer.from(payload.plot.split(",")[1]!, "base64").toString()).toBe(SVG);
    expect(plot.processExample(join(dir, "chart.svg"))).toBeNull();
    await expect(plot.processExampleWithFiles(join(dir, "chart.svg"), store.context)).resolves.toEqual(payload);
    store.dispose();
  });

  it("refuses a format that is not a format name", () => {
    expect(() => Plot({ format: "" })).toThrow(/format must be a file format/);
  });

  it("declares change as a listener method", () => {
    expect(typeof Plot().change).toBe("function");
  });
});

describe("figureTitle", () => {
  it("reads a title given as a string or { text }, without its HTML tags", () => {
    expect(figureTitle({ data: [], layout: { title: "Plain" } })).toBe("Plain");
    expect(figureTitle({ data: [], layout: { title: { text: "<b>Bold</b><br>line" } } })).toBe("Bold line");
    expect(figureTitle({ data: [] })).toBeNull();
  });
});
