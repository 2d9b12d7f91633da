/**
 * LinePlot, BarPlot and ScatterPlot over the wire with Gradio's official client: a function
 * returning a table (records with Dates, columns, `{ headers, data }`) gives Gradio's native-plot
 * payload (`{ columns, data, datatypes, mark }`, times in ms), a plot sent as an input reaches the
 * function as that payload, a malformed one is refused with a message, a table without the plot's
 * x column fails that call only, and `view_api()` describes the plots as Gradio does.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { servings, type Served } from "./harness.js";

const T0 = Date.UTC(2024, 0, 1);

function plotsApp() {
  return vt.Blocks({ title: "Native plots on the wire" }, () => {
    const region = vt.Textbox({ label: "region", value: "north" });
    const line = vt.LinePlot({ x: "time", y: "sales", color: "region", label: "Sales over time" });
    const bars = vt.BarPlot({ x: "fruit", y: "sold", label: "Fruit" });
    const points = vt.ScatterPlot({ x: "height", y: "weight", label: "Birds" });
    const summary = vt.Textbox({ label: "summary" });
    vt.Button("Line").click({
      fn: function sales(r: string) {
        return [
          { time: new Date(T0), sales: 10, region: r },
          { time: new Date(T0 + 3_600_000), sales: 12.5, region: r },
        ];
      },
      inputs: [region],
      outputs: [line],
    });
    vt.Button("Bars").click({
      fn: function fruit() {
        return { fruit: ["apple", "pear"], sold: [3, 5] };
      },
      outputs: [bars],
    });
    vt.Button("Points").click({
      fn: function birds() {
        return { headers: ["height", "weight", "name"], data: [[60, 1.1, "ibis"], [120, 5.4, null]] };
      },
      outputs: [points],
    });
    vt.Button("Summarize").click({
      fn: function summarize(plot: vt.NativePlotData | null) {
        if (!plot) return "no plot";
        const rows = vt.nativePlotRecords(plot);
        const total = rows.reduce((sum, row) => sum + Number(row.sales ?? 0), 0);
        return `${plot.mark}: ${rows.length} rows, ${plot.columns.join("/")}, ${Object.values(plot.datatypes).join("/")}, total ${total}`;
      },
      inputs: [line],
      outputs: [summary],
    });
    vt.Button("Broken").click({
      fn: function broken() {
        return [{ when: 1, sales: 2 }];
      },
      outputs: [line],
    });
  });
}

type Endpoint = {
  parameters: { parameter_name: string; component: string; python_type: { type: string; description: string } }[];
  returns: { component: string; python_type: { type: string; description: string } }[];
};

describe.each(servings)("LinePlot, BarPlot and ScatterPlot through @gradio/client, %s", (_name, serve) => {
  let served: Served;
  let client: Client;
  beforeAll(async () => {
    served = await serve(plotsApp());
    client = await Client.connect(served.url);
  });
  afterAll(async () => {
    await served.close();
  });

  it("a function returning records gives Gradio's PlotData: columns, rows, datatypes (times in ms) and the mark", async () => {
    const result = await client.predict("/sales", ["south"]);
    expect(result.data).toEqual([
      {
        columns: ["time", "sales", "region"],
        data: [
          [T0, 10, "south"],
          [T0 + 3_600_000, 12.5, "south"],
        ],
        datatypes: { time: "temporal", sales: "quantitative", region: "nominal" },
        mark: "line",
      },
    ]);
  });

  it("columns and { headers, data } give the bar and point payloads", async () => {
    expect((await client.predict("/fruit", [])).data).toEqual([
      { columns: ["fruit", "sold"], data: [["apple", 3], ["pear", 5]], datatypes: { fruit: "nominal", sold: "quantitative" }, mark: "bar" },
    ]);
    expect((await client.predict("/birds", [])).data).toEqual([
      {
        columns: ["height", "weight", "name"],
        data: [[60, 1.1, "ibis"], [120, 5.4, null]],
        datatypes: { height: "quantitative", weight: "quantitative", name: "nominal" },
        mark: "point",
      },
    ]);
  });

  it("a plot sent as an input reaches the function as Gradio's PlotData", async () => {
    const [payload] = (await client.predict("/sales", ["north"])).data as [unknown];
    expect((await client.predict("/summarize", [payload])).data).toEqual([
      "line: 2 rows, time/sales/region, temporal/quantitative/nominal, total 22.5",
    ]);
    expect((await client.predict("/summarize", [null])).data).toEqual(["no plot"]);
  });

  it("a malformed plot is refused with a message saying what is wrong", async () => {
    await expect(client.predict("/summarize", [{ rows: [] }])).rejects.toMatchObject({
      message: expect.stringContaining('LinePlot "Sales over time": expected { columns, data, datatypes, mark }'),
    });
    await expect(client.predict("/summarize", [{ columns: ["a"], data: [[1, 2]], datatypes: {}, mark: "line" }])).rejects.toMatchObject({
      message: expect.stringContaining("row 0 has 2 cells but there are 1 columns"),
    });
  });

  it("a table without the plot's x column fails that call, and the server keeps serving", async () => {
    await expect(client.predict("/broken", [])).rejects.toBeDefined();
    expect((await client.predict("/fruit", [])).data).toHaveLength(1);
  });

  it("view_api() describes the plots as Gradio does (any valid json)", async () => {
    const api = (await client.view_api()) as { named_endpoints: Record<string, Endpoint> };
    const any = { type: "str | float | bool | list | dict", description: "any valid json" };
    expect(api.named_endpoints["/sales"]!.returns[0]).toMatchObject({ component: "Lineplot", python_type: any });
    expect(api.named_endpoints["/fruit"]!.returns[0]).toMatchObject({ component: "Barplot", python_type: any });
    expect(api.named_endpoints["/birds"]!.returns[0]).toMatchObject({ component: "Scatterplot", python_type: any });
    expect(api.named_endpoints["/summarize"]!.parameters[0]).toMatchObject({ parameter_name: "plot", component: "Lineplot", python_type: any });
    const info = (await (await fetch(new URL("gradio_api/info", served.url))).json()) as {
      named_endpoints: Record<string, { returns: { type: unknown }[] }>;
    };
    expect(info.named_endpoints["/sales"]!.returns[0]!.type).toEqual({ type: {}, description: "any valid json" });
  });
});
