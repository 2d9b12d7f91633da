import { useEffect, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { figureTitle, type PlotData, type PlotlyFigure } from "./figure.js";
import { loadPlotly, type Plotly } from "./plotly.js";
import { readTheme, themeLayout } from "./theme.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the Plot view reads. */
export interface PlotViewProps {
  /** The format matplotlib figures are encoded in (passed on from Gradio's props; unused by the view). */
  format?: string;
}

const style = `
.vt-plot { color: var(--body-text-color); font-family: var(--font); }
.vt-plot-box { position: relative; width: 100%; min-height: 120px; }
.vt-plot-figure { width: 100%; }
.vt-plot-status { display: flex; align-items: center; justify-content: center; min-height: 240px; padding: var(--spacing-lg); color: var(--body-text-color-subdued, var(--body-text-color)); font-size: var(--text-md, 1rem); border-radius: var(--radius-md); }
.vt-plot-box > .vt-plot-status { position: absolute; inset: 0; }
.vt-plot-error { color: var(--error-text-color, var(--body-text-color)); }
.vt-plot-image { display: flex; justify-content: center; }
.vt-plot-image img { max-width: 100%; height: auto; object-fit: contain; }
`;

/**
 * The Plot view: a plotly figure drawn by plotly.js (downloaded on the first figure, from
 * `components/plotly/plotly.min.js`), following its box's size and the theme's colours; an
 * image for a plot sent as one (Gradio's matplotlib route); a placeholder when empty.
 */
export function PlotView({ value, props }: ViewProps<PlotData | null, PlotViewProps>) {
  adoptStylesheet("vt-plot-style", style);
  const showLabel = props.show_label !== false && Boolean(props.label);
  return (
    <div className="vt-field vt-plot">
      {showLabel ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <PlotBody value={value} label={props.label ?? null} />
    </div>
  );
}

function PlotBody({ value, label }: { value: PlotData | null | undefined; label: string | null }) {
  if (value === null || value === undefined || typeof value.plot !== "string" || value.plot === "") {
    return <div className="vt-plot-status vt-plot-empty" data-testid="plot-empty">No plot</div>;
  }
  if (value.type === "plotly") return <PlotlyPlot plot={value.plot} label={label} />;
  if (value.type === "matplotlib") {
    return (
      <div className="vt-plot-image" data-testid="matplotlib">
        <img src={value.plot} alt={label ? `${label} (plot)` : "Plot"} />
      </div>
    );
  }
  return <div className="vt-plot-status" role="note">Vitrine draws plotly figures and plot images; this is a {value.type} plot.</div>;
}

/** Where drawing a figure stands. */
type Stage = { kind: "loading" } | { kind: "drawn" } | { kind: "error"; message: string };

/** A plotly figure, given as its JSON text, drawn with plotly.js once it has loaded. */
function PlotlyPlot({ plot, label }: { plot: string; label: string | null }) {
  const div = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "loading" });
  const figure = parseFigure(plot);
  const title = figure ? figureTitle(figure) : null;

  useEffect(() => {
    const el = div.current;
    if (!el || !figure) return;
    let plotly: Plotly | undefined;
    let cancelled = false;
    let drawn = false;
    const draw = async () => {
      if (!plotly || cancelled) return;
      const layout = themeLayout(figure.layout, readTheme(el));
      const config = { responsive: false, displaylogo: false, ...figure.config };
      // The figure form of `react` also takes `frames` (its typings only declare the positional form).
      const react = plotly.react as unknown as (root: HTMLElement, fig: PlotlyFigure) => Promise<unknown>;
      await react(el, { data: figure.data, layout, config, ...(figure.frames ? { frames: figure.frames } : {}) });
      drawn = true;
    };
    setStage({ kind: "loading" });
    loadPlotly()
      .then(async (p) => {
        plotly = p;
        await draw();
        if (!cancelled) setStage({ kind: "drawn" });
      })
      .catch((err: unknown) => {
        if (!cancelled) setStage({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      });
    // The plot follows its box's width…
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
      if (drawn && plotly && !cancelled) plotly.Plots.resize(el);
    });
    resize?.observe(el);
    // …and the page's theme (dark mode toggles a class on <html>).
    const retheme = new MutationObserver(() => void draw().catch(() => {}));
    retheme.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"] });
    return () => {
      cancelled = true;
      resize?.disconnect();
      retheme.disconnect();
      if (drawn && plotly) plotly.purge(el);
    };
    // The figure is re-parsed from `plot` on each render: its text is what changes.
  }, [plot]);

  if (!figure) return <div className="vt-plot-status vt-plot-error" role="alert">This plot's figure is not valid plotly JSON.</div>;
  const name = [label, title].filter(Boolean).join(": ") || "Plot";
  return (
    <div className="vt-plot-box">
      <div ref={div} className="vt-plot-figure" data-testid="plotly" role="figure" aria-label={name} aria-busy={stage.kind === "loading"} />
      {stage.kind === "loading" ? (
        <div className="vt-plot-status" role="status" data-testid="plot-loading">Loading plot…</div>
      ) : stage.kind === "error" ? (
        <div className="vt-plot-status vt-plot-error" role="alert">Could not draw the plot: {stage.message}</div>
      ) : null}
    </div>
  );
}

/** The figure in a plotly PlotData's JSON text, or null when it is not a figure. */
function parseFigure(plot: string): PlotlyFigure | null {
  try {
    const figure = JSON.parse(plot) as unknown;
    return figure !== null && typeof figure === "object" && Array.isArray((figure as PlotlyFigure).data) ? (figure as PlotlyFigure) : null;
  } catch {
    return null;
  }
}
