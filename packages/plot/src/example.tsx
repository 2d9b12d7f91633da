import type { ExampleProps } from "@vitrine/core";
import { figureTitle, type PlotData } from "./figure.js";

/** How many characters of a title an Examples cell shows before an ellipsis. */
const MAX_CHARS = 60;

/** A short text for a plot: a figure's title, else what kind of plot it is. */
export function plotSummary(value: PlotData | null | undefined): string {
  if (!value || typeof value.plot !== "string") return "";
  if (value.type !== "plotly") return value.type === "matplotlib" ? "Plot image" : `${value.type} plot`;
  try {
    const figure = JSON.parse(value.plot) as { data?: unknown[] };
    const title = figureTitle(figure);
    if (title) return title.length > MAX_CHARS ? `${title.slice(0, MAX_CHARS - 1)}…` : title;
    const traces = Array.isArray(figure.data) ? figure.data.length : 0;
    return `Plot (${traces} trace${traces === 1 ? "" : "s"})`;
  } catch {
    return "Plot";
  }
}

/** The Plot's example view: the figure's title, or a short description; a small image for a plot image. */
export function PlotExample({ value }: ExampleProps<PlotData | null>) {
  if (value?.type === "matplotlib" && typeof value.plot === "string") {
    return <img className="vt-example-image" src={value.plot} alt="Plot image" style={{ maxHeight: "4rem", maxWidth: "8rem", objectFit: "contain" }} />;
  }
  return <span className="vt-example-text">{plotSummary(value)}</span>;
}
