import * as vt from "vitrine";

/** How many points each curve has over one second. */
const POINTS = 200;

/** A sine and a cosine at `frequency` Hz over one second, as a plotly figure. */
export function waves(frequency: number): vt.PlotlyFigure {
  const t = Array.from({ length: POINTS + 1 }, (_, i) => i / POINTS);
  const curve = (f: (x: number) => number) => t.map((x) => Math.round(f(2 * Math.PI * frequency * x) * 1e4) / 1e4);
  return {
    data: [
      { type: "scatter", mode: "lines", name: "sine", x: t, y: curve(Math.sin) },
      { type: "scatter", mode: "lines", name: "cosine", x: t, y: curve(Math.cos), line: { dash: "dash" } },
    ],
    layout: {
      title: { text: `Sine and cosine at ${frequency} Hz` },
      xaxis: { title: { text: "time (s)" } },
      yaxis: { title: { text: "amplitude" }, range: [-1.1, 1.1] },
      margin: { t: 60, r: 20 },
    },
  };
}

/**
 * Plot: a frequency in, a plotly figure of a sine and a cosine out. plotly.js loads only when
 * the first figure arrives, and themes itself from the page (try `?__theme=dark`).
 */
export function plot() {
  return new vt.Interface({
    fn: waves,
    inputs: vt.Slider({ label: "frequency", minimum: 0.5, maximum: 10, step: 0.5, value: 2, info: "Hz" }),
    outputs: vt.Plot({ label: "waves" }),
    title: "Plot",
    description: "Pick a frequency and press **Submit**: the function returns a plotly figure.",
    examples: [[1], [3.5]],
  });
}
