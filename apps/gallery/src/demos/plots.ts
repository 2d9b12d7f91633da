import * as vt from "vitrine";

/** A small deterministic pseudo-random generator (mulberry32), so the demo draws the same data each time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first hour of the temperature readings: 1 June 2024, 00:00 UTC. */
export const TEMPERATURE_START = Date.UTC(2024, 5, 1);

/** Hourly temperatures over three days in two cities: a time x, one line per city. */
export function temperatures(): { time: Date; temperature: number; city: string }[] {
  const next = random(7);
  const rows: { time: Date; temperature: number; city: string }[] = [];
  for (const [city, mean] of [["Lisbon", 21], ["Oslo", 13]] as const) {
    for (let hour = 0; hour < 72; hour++) {
      const daily = Math.sin(((hour % 24) - 9) * (Math.PI / 12)) * 5;
      rows.push({ time: new Date(TEMPERATURE_START + hour * 3_600_000), temperature: Math.round((mean + daily + next() * 2) * 10) / 10, city });
    }
  }
  return rows;
}

/** Fruit sold per shop: categories on x, bars stacked by shop. */
export function fruitSales(): { fruit: string; sold: number; shop: string }[] {
  const fruit = ["apple", "banana", "cherry", "fig", "pear"];
  const sold = [[12, 7], [9, 11], [4, 3], [2, 6], [8, 5]];
  return fruit.flatMap((name, i) => [
    { fruit: name, sold: sold[i]![0]!, shop: "market" },
    { fruit: name, sold: sold[i]![1]!, shop: "corner" },
  ]);
}

/** Heights and weights of three species: a cloud of points coloured by species. */
export function measurements(): { height: number; weight: number; species: string }[] {
  const next = random(42);
  const rows: { height: number; weight: number; species: string }[] = [];
  for (const [species, height, weight] of [["ibis", 60, 1.2], ["heron", 95, 2.1], ["crane", 120, 5.5]] as const) {
    for (let i = 0; i < 20; i++) {
      const h = height + (next() - 0.5) * 20;
      rows.push({ height: Math.round(h * 10) / 10, weight: Math.round((weight * (h / height) + (next() - 0.5) * 0.6) * 100) / 100, species });
    }
  }
  return rows;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
const round = (n: number) => Math.round(n * 100) / 100;

/** The context of a plot's `select` listener: its data is Gradio's `[min, max]` x range, and the points inside. */
type Selected = vt.EventContext<vt.NativePlotSelectData>;

/**
 * LinePlot, BarPlot and ScatterPlot, each with a selection: drag across the line or bar plot to
 * select an x range, draw a box on the scatter plot; each `select` listener writes what was
 * selected below its plot, and a double click clears it.
 */
export function plots() {
  return vt.Blocks({ title: "Plots" }, () => {
    vt.Markdown(
      "# Native plots\nA table in, a chart out. **Drag** across a plot to select (a box on the scatter plot); **double-click** to clear.",
    );
    vt.Row(() => {
      vt.Column(() => {
        const line = vt.LinePlot({
          value: temperatures(),
          x: "time",
          y: "temperature",
          color: "city",
          title: "Hourly temperature",
          y_title: "°C",
          label: "Temperatures",
          buttons: ["export", "fullscreen"],
        });
        const lineSelection = vt.Textbox({ label: "Line selection", interactive: false });
        line.select({
          fn: (ctx: Selected) => {
            const [from, to] = ctx.event.data.index;
            return `from ${iso(from)} to ${iso(to)} UTC`;
          },
          outputs: [lineSelection],
          api_name: "line_select",
        });
        line.double_click({ fn: () => "cleared", outputs: [lineSelection], api_name: "line_double_click" });
      });
      vt.Column(() => {
        const bars = vt.BarPlot({
          value: fruitSales(),
          x: "fruit",
          y: "sold",
          color: "shop",
          title: "Fruit sold",
          sort: "-y",
          label: "Fruit",
          color_map: { market: "#2a9d8f", corner: "#e76f51" },
        });
        const barSelection = vt.Textbox({ label: "Bar selection", interactive: false });
        bars.select({
          // On a category axis, the value is the list of categories selected.
          fn: (ctx: Selected) => `fruit: ${ctx.event.data.value.join(", ")}`,
          outputs: [barSelection],
          api_name: "bar_select",
        });
        bars.double_click({ fn: () => "cleared", outputs: [barSelection], api_name: "bar_double_click" });
      });
    });
    const scatter = vt.ScatterPlot({
      value: measurements(),
      x: "height",
      y: "weight",
      color: "species",
      x_title: "height (cm)",
      y_title: "weight (kg)",
      tooltip: "all",
      label: "Birds",
      caption: "Sixty birds of three species, measured.",
    });
    const scatterSelection = vt.Textbox({ label: "Scatter selection", interactive: false });
    scatter.select({
      fn: (ctx: Selected) => {
        const data = ctx.event.data;
        const [x0, x1] = data.index;
        const [y0, y1] = data.y_range ?? [Number.NaN, Number.NaN];
        const species = [...new Set((data.points ?? []).map((p) => String(p.color)))].sort();
        return `${data.points?.length ?? 0} birds (height ${round(x0)}–${round(x1)} cm, weight ${round(y0)}–${round(y1)} kg)${species.length ? `: ${species.join(", ")}` : ""}`;
      },
      outputs: [scatterSelection],
      api_name: "scatter_select",
    });
    scatter.double_click({ fn: () => "cleared", outputs: [scatterSelection], api_name: "scatter_double_click" });
  });
}
