/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { PlotData } from "./figure.js";
import { PlotView } from "./view.js";
import { PlotExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * plotly.js itself cannot draw in jsdom (no SVG layout), so these tests stand a recorder in for
 * `window.Plotly` and check what the view asks of it; the real drawing is tested in chromium
 * (conformance.test.ts, tests/integration/test/browser-plot.test.ts).
 */
interface Call { fn: string; args: unknown[] }
function recorder(calls: Call[]) {
  return {
    react: async (...args: unknown[]) => void calls.push({ fn: "react", args }),
    purge: (...args: unknown[]) => void calls.push({ fn: "purge", args }),
    Plots: { resize: (...args: unknown[]) => void calls.push({ fn: "resize", args }) },
  };
}

let root: Root | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  delete (globalThis as { Plotly?: unknown }).Plotly;
  document.documentElement.removeAttribute("style");
});

function render(value: PlotData | null, label = "Sales") {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(
    <PlotView id={1} value={value} interactive={false} status={{ stage: "idle" }} onChange={() => {}} dispatch={() => {}}
      upload={async () => []} fileUrl={(f) => f.path} props={{ label, show_label: true }} />,
  ));
  return container;
}

const figure = { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }], layout: { title: { text: "Votes" } } };

describe("PlotView in a DOM", () => {
  it("shows an empty state and never asks for plotly.js without a value", () => {
    let reads = 0;
    Object.defineProperty(globalThis, "Plotly", { configurable: true, get: () => void reads++ });
    const el = render(null);
    expect(el.querySelector('[data-testid="plot-empty"]')?.textContent).toBe("No plot");
    expect(el.querySelector(".vt-label")?.textContent).toBe("Sales");
    expect(el.querySelector('[data-testid="plotly"]')).toBeNull();
    expect(reads).toBe(0);
  });

  it("draws a plotly figure with Plotly.react, themed from the page's CSS variables, and purges it on unmount", async () => {
    const calls: Call[] = [];
    (globalThis as { Plotly?: unknown }).Plotly = recorder(calls);
    // jsdom does not inherit custom properties: the rule sets them on the plot's own box.
    const sheet = document.createElement("style");
    sheet.textContent = ".vt-plot-figure { --body-text-color: #112233; --border-color-primary: #445566; }";
    document.head.appendChild(sheet);
    const el = render({ type: "plotly", plot: JSON.stringify(figure) });
    const div = el.querySelector<HTMLElement>('[data-testid="plotly"]')!;
    expect(div.getAttribute("role")).toBe("figure");
    expect(div.getAttribute("aria-label")).toBe("Sales: Votes");
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    const react = calls.find((c) => c.fn === "react")!;
    expect(react.args[0]).toBe(div);
    const fig = react.args[1] as { data: unknown; layout: Record<string, any>; config: Record<string, unknown> };
    expect(fig.data).toEqual(figure.data);
    expect(fig.layout.title).toEqual({ text: "Votes" });
    expect(fig.layout.autosize).toBe(true);
    expect(fig.layout.font.color).toBe("#112233");
    expect(fig.layout.xaxis.gridcolor).toBe("#445566");
    expect(fig.config.displaylogo).toBe(false);
    expect(el.querySelector('[data-testid="plot-loading"]')).toBeNull();
    act(() => root!.unmount());
    root = undefined;
    expect(calls.at(-1)).toEqual({ fn: "purge", args: [div] });
    sheet.remove();
  });

  it("shows a loading state until plotly.js arrives, and an error when it cannot load", async () => {
    const el = render({ type: "plotly", plot: JSON.stringify(figure) });
    // No window.Plotly: the view asks for the bundle by URL (components/plotly/plotly.min.js
    // beside the view), which is not there in this test.
    expect(el.querySelector('[data-testid="plot-loading"]')?.textContent).toBe("Loading plot…");
    expect(el.querySelector('[data-testid="plotly"]')?.getAttribute("aria-busy")).toBe("true");
    await act(async () => { await new Promise((r) => setTimeout(r, 200)); });
    expect(el.querySelector('[data-testid="plot-loading"]')).toBeNull();
    expect(el.querySelector('[role="alert"]')?.textContent).toMatch(/^Could not draw the plot: /);
  });

  it("shows an image of a plot, and says so for a figure that is not plotly JSON", () => {
    const el = render({ type: "matplotlib", plot: "data:image/png;base64,AAAA" });
    const img = el.querySelector("img")!;
    expect(img.getAttribute("src")).toBe("data:image/png;base64,AAAA");
    expect(img.getAttribute("alt")).toBe("Sales (plot)");
    act(() => root!.unmount());
    const bad = render({ type: "plotly", plot: "{nope" });
    expect(bad.querySelector('[role="alert"]')?.textContent).toMatch(/not valid plotly JSON/);
  });
});

describe("PlotExample", () => {
  it("shows the figure's title, else its trace count, else the kind of plot", () => {
    const show = (value: PlotData | null) => {
      const div = document.createElement("div");
      const r = createRoot(div);
      act(() => r.render(<PlotExample value={value} props={{}} fileUrl={(f) => f.path} />));
      const text = div.textContent;
      act(() => r.unmount());
      return text;
    };
    expect(show({ type: "plotly", plot: JSON.stringify(figure) })).toBe("Votes");
    expect(show({ type: "plotly", plot: JSON.stringify({ data: [{}, {}] }) })).toBe("Plot (2 traces)");
    expect(show({ type: "bokeh", plot: "{}" })).toBe("bokeh plot");
    expect(show(null)).toBe("");
  });
});
