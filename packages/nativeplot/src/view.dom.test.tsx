/**
 * @jest-environment jsdom
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { toPlotData } from "./table.js";
import { NativePlotView, type NativePlotViewProps } from "./view.js";
import type { NativePlotData } from "./types.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Stands in for plotly.js, which draws SVG a DOM without layout cannot hold: it records the
 * calls the view makes and keeps the event handlers plotly would add to the element.
 */
class RecordingPlotly {
  calls: [string, ...unknown[]][] = [];
  handlers = new Map<string, (data: unknown) => void>();
  react = async (element: HTMLElement & Record<string, unknown>, data: unknown, layout: unknown, config: unknown) => {
    this.calls.push(["react", data, layout, config]);
    element.on = (event: string, handler: (data: unknown) => void) => void this.handlers.set(event, handler);
    element.removeAllListeners = (event: string) => void this.handlers.delete(event);
    element.innerHTML = '<svg class="main-svg"></svg>';
    return element;
  };
  relayout = async (_element: HTMLElement, update: unknown) => void this.calls.push(["relayout", update]);
  restyle = async (_element: HTMLElement, update: unknown) => void this.calls.push(["restyle", update]);
  downloadImage = async (_element: HTMLElement, options: unknown) => void this.calls.push(["downloadImage", options]);
  purge = (_element: HTMLElement) => void this.calls.push(["purge"]);
  fire(event: string, data?: unknown) {
    this.handlers.get(event)?.(data);
  }
}

const rows = [
  { day: 1, sales: 10, region: "north" },
  { day: 2, sales: 14, region: "north" },
  { day: 1, sales: 6, region: "south" },
];

let plotly: RecordingPlotly;
let container: HTMLDivElement;
let root: Root;
let events: [string, unknown][];

beforeEach(() => {
  plotly = new RecordingPlotly();
  (globalThis as { Plotly?: unknown }).Plotly = plotly;
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  events = [];
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete (globalThis as { Plotly?: unknown }).Plotly;
});

async function render(value: NativePlotData | null, props: Partial<NativePlotViewProps> & { label?: string | null; show_label?: boolean; info?: string | null } = {}) {
  await act(async () => {
    root.render(
      <NativePlotView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} upload={async () => []} fileUrl={(f) => f.path}
        dispatch={(e, d) => void events.push([e, d])}
        props={{ x: "day", y: "sales", color: "region", name: "lineplot", ...props }}
        value={value} />,
    );
  });
  // Lets the view's promise chain (plotly loaded, figure drawn, handlers bound) finish.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("the native plot view", () => {
  it("shows an empty, labelled frame without a value, and loads nothing", async () => {
    await render(null, { label: "Sales", show_label: true, info: "per day" });
    expect(container.querySelector(".vt-label")?.textContent).toBe("Sales");
    expect(container.querySelector(".vt-info")?.textContent).toBe("per day");
    expect(container.querySelector('[role="img"]')?.getAttribute("aria-label")).toBe("Sales: empty");
    expect(plotly.calls).toEqual([]);
  });

  it("draws the figure of its value with Plotly.react, in an element named for screen readers", async () => {
    await render(toPlotData(rows, "line", []), { label: "Sales", title: "Daily sales", caption: "Two regions" });
    const [name, data, layout, config] = plotly.calls[0]!;
    expect(name).toBe("react");
    expect((data as { name: string; x: unknown[] }[]).map((t) => [t.name, t.x])).toEqual([
      ["north", [1, 2]],
      ["south", [1]],
    ]);
    expect(layout).toMatchObject({ dragmode: "select", selectdirection: "h", title: { text: "Daily sales" } });
    expect(config).toMatchObject({ displayModeBar: false });
    const chart = container.querySelector('[data-testid="vt-nativeplot-chart"]')!;
    expect(chart.getAttribute("role")).toBe("img");
    expect(chart.getAttribute("aria-label")).toBe("Line plot: Sales");
    const caption = container.querySelector(".vt-nativeplot-caption")!;
    expect(caption.textContent).toBe("Two regions");
    expect(chart.getAttribute("aria-describedby")).toBe(caption.id);
  });

  it("reads the kind from the value's mark: a scatter plot selects boxes", async () => {
    await render(toPlotData(rows, "point", []), { name: "scatterplot" });
    expect(plotly.calls[0]![2]).toMatchObject({ selectdirection: "any" });
    expect(container.querySelector('[role="img"]')?.getAttribute("aria-label")).toBe("Scatter plot: Scatter plot");
  });

  it("fires select with the dragged x range, and double_click when plotly deselects on a double click", async () => {
    await render(toPlotData(rows, "line", []));
    await act(async () => plotly.fire("plotly_selected", { range: { x: [1.5, 0.5], y: [0, 20] }, points: [] }));
    await act(async () => plotly.fire("plotly_selected", undefined)); // a click: nothing selected
    await act(async () => plotly.fire("plotly_deselect", null));
    expect(events).toEqual([
      ["select", { index: [0.5, 1.5], value: [0.5, 1.5], selected: true, points: [] }],
      ["double_click", undefined],
    ]);
  });

  it("redraws when the value changes, binding its handlers once", async () => {
    await render(toPlotData(rows, "bar", []));
    await render(toPlotData(rows.slice(0, 1), "bar", []));
    expect(plotly.calls.filter(([n]) => n === "react")).toHaveLength(2);
    await act(async () => plotly.fire("plotly_selected", { range: { x: [0, 1] }, points: [] }));
    expect(events.filter(([e]) => e === "select")).toHaveLength(1);
  });

  it("shows the buttons asked for; export downloads a PNG on the block's background", async () => {
    await render(toPlotData(rows, "bar", []), { buttons: ["export", "fullscreen"], title: "Fruit sold" });
    const exportButton = container.querySelector<HTMLButtonElement>('button[aria-label="Export as PNG"]')!;
    expect(container.querySelector('button[aria-label="Fullscreen"]')).not.toBeNull();
    await act(async () => exportButton.click());
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const after = plotly.calls.slice(1).map(([n, arg]) => [n, n === "downloadImage" ? (arg as { format: string; filename: string }).format + ":" + (arg as { filename: string }).filename : Object.keys(arg as object)]);
    expect(after).toEqual([
      ["relayout", ["paper_bgcolor"]],
      ["downloadImage", "png:Fruit_sold"],
      ["relayout", ["paper_bgcolor"]],
    ]);
  });

  it("shows no buttons by default", async () => {
    await render(toPlotData(rows, "bar", []));
    expect(container.querySelectorAll("button")).toHaveLength(0);
  });

  it("redraws when the page switches between light and dark", async () => {
    await render(toPlotData(rows, "line", []));
    const switchTo = async (dark: boolean) => {
      await act(async () => {
        document.documentElement.classList.toggle("dark", dark);
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    };
    await switchTo(true);
    expect(plotly.calls.filter(([n]) => n === "react")).toHaveLength(2);
    await switchTo(false);
    expect(plotly.calls.filter(([n]) => n === "react")).toHaveLength(3);
  });

  it("purges the plot when it unmounts", async () => {
    await render(toPlotData(rows, "line", []));
    act(() => root.render(<div />));
    expect(plotly.calls.at(-1)).toEqual(["purge"]);
  });
});
