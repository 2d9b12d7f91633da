/**
 * Plot on the wire, through Gradio's official `@gradio/client` against a real Vitrine app: a
 * figure comes back as Gradio's PlotData (`type: "plotly"`, `plot` the figure's JSON text), an
 * image of a plot as `type: "matplotlib"` with a data URL, a Plot input gives the function the
 * figure, a payload that is not PlotData is refused with a clear message, and `view_api()`
 * describes the Plot as Gradio does.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient } from "@gradio/client";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

/** A sine at `frequency` Hz over one second, as a plotly figure with a title. */
function waves(frequency: number): vt.PlotlyFigure {
  const x = Array.from({ length: 21 }, (_, i) => i / 20);
  return {
    data: [{ type: "scatter", mode: "lines", name: "sine", x, y: x.map((t) => Math.sin(2 * Math.PI * frequency * t)) }],
    layout: { title: { text: `Sine at ${frequency} Hz` }, yaxis: { range: [-1, 1] } },
  };
}

function app() {
  return vt.Blocks(() => {
    const frequency = vt.Slider({ label: "frequency", minimum: 0.5, maximum: 10, step: 0.5, value: 2 });
    const chart = vt.Plot({ label: "waves" });
    const picture = vt.Plot({ label: "picture" });
    const summary = vt.Textbox({ label: "summary" });
    vt.Button("a").click({ fn: waves, inputs: [frequency], outputs: [chart], api_name: "waves" });
    vt.Button("b").click({ fn: () => Buffer.from(PNG_BASE64, "base64"), outputs: [picture], api_name: "picture" });
    vt.Button("c").click({
      fn: (figure: vt.PlotInput | null) => {
        if (figure === null) return "nothing";
        if (!("data" in figure)) return `a ${figure.type} plot`;
        return `${vt.figureTitle(figure) ?? "untitled"}: ${figure.data.length} trace(s)`;
      },
      inputs: [chart],
      outputs: [summary],
      api_name: "describe",
    });
  });
}

interface Param {
  label: string;
  component: string;
  type: Record<string, unknown>;
  python_type: { type: string };
}
type Api = { named_endpoints: Record<string, { parameters: Param[]; returns: Param[] }> };

describe("Plot over the wire (@gradio/client)", () => {
  let served: Served;
  let client: Awaited<ReturnType<typeof GradioClient.connect>>;
  beforeAll(async () => {
    served = await serveAtRoot(app());
    client = await GradioClient.connect(served.url);
  });
  afterAll(async () => {
    await served?.close();
  });

  it("returns a figure as Gradio's PlotData: type plotly, plot a JSON string of the figure", async () => {
    const result = await client.predict("/waves", [3]);
    const [payload] = result.data as [{ type: string; plot: unknown }];
    expect(payload.type).toBe("plotly");
    expect(typeof payload.plot).toBe("string");
    expect(JSON.parse(payload.plot as string)).toEqual(waves(3));
    expect(Object.keys(payload).sort()).toEqual(["plot", "type"]);
  });

  it("returns an image of a plot as type matplotlib with a data URL", async () => {
    const result = await client.predict("/picture", []);
    expect(result.data).toEqual([{ type: "matplotlib", plot: `data:image/png;base64,${PNG_BASE64}` }]);
  });

  it("gives a Plot input's function the figure, and refuses what is not PlotData", async () => {
    const figure = { data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "Votes" } } };
    const described = await client.predict("/describe", [{ type: "plotly", plot: JSON.stringify(figure) }]);
    expect(described.data).toEqual(["Votes: 1 trace(s)"]);
    const image = await client.predict("/describe", [{ type: "matplotlib", plot: `data:image/png;base64,${PNG_BASE64}` }]);
    expect(image.data).toEqual(["a matplotlib plot"]);
    await expect(client.predict("/describe", [null]).then((r: { data: unknown }) => r.data)).resolves.toEqual(["nothing"]);
    await expect(client.predict("/describe", [{ type: "plotly", plot: "{broken" }])).rejects.toMatchObject({
      message: expect.stringMatching(/^Plot "waves": the plotly figure is not valid JSON/),
    });
    await expect(client.predict("/describe", [{ kind: "chart" }])).rejects.toMatchObject({
      message: expect.stringMatching(/^Plot "waves": expected a PlotData/),
    });
  });

  it("view_api() describes the Plot with Gradio's PlotData schema and type", async () => {
    const api = (await client.view_api()) as Api;
    const [returned] = api.named_endpoints["/waves"]!.returns;
    expect(returned).toMatchObject({ label: "waves", component: "Plot" });
    expect(returned!.python_type.type).toBe("Dict(type: Literal['altair', 'bokeh', 'plotly', 'matplotlib'], plot: str)");
    // The raw description (`/info`) holds the JSON schema of PlotData.
    const info = (await (await fetch(`${served.url}gradio_api/info`)).json()) as Api;
    expect(info.named_endpoints["/waves"]!.returns[0]!.type).toEqual({
      properties: { type: { enum: ["altair", "bokeh", "plotly", "matplotlib"], title: "Type", type: "string" }, plot: { title: "Plot", type: "string" } },
      required: ["type", "plot"],
      title: "PlotData",
      type: "object",
    });
    const [param] = api.named_endpoints["/describe"]!.parameters;
    expect(param).toMatchObject({ label: "waves", component: "Plot" });
  });
});
