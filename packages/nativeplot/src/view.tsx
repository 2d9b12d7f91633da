import { useEffect, useId, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { loadPlotly, type Plotly } from "@vitrine/plot/plotly";
import { buildFigure, type FigureProps, type FigureTheme } from "./figure.js";
import { selectionData, type PlotlySelection } from "./selection.js";
import type { NativePlotButton, NativePlotData, NativePlotMark } from "./types.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the native plot view reads. */
export interface NativePlotViewProps extends FigureProps {
  /** The component type: `lineplot`, `barplot` or `scatterplot` (how the view knows the mark without a value). */
  name?: string;
  /** A caption under the plot. */
  caption?: string | null;
  /** Height of the plot, in pixels (a number) or any CSS length. */
  height?: number | string | null;
  /** Width of the plot, in pixels (a number) or any CSS length; by default the block's. */
  width?: number | string | null;
  /** Buttons on the plot (Gradio 6): `"fullscreen"` and `"export"` (downloads the plot as a PNG). */
  buttons?: readonly NativePlotButton[] | null;
}

const MARKS: Record<string, NativePlotMark> = { lineplot: "line", barplot: "bar", scatterplot: "point" };
const KIND_LABELS: Record<NativePlotMark, string> = { line: "Line plot", bar: "Bar plot", point: "Scatter plot" };

const CSS = `
.vt-nativeplot-frame { position: relative; width: 100%; }
.vt-nativeplot-frame:fullscreen { background: var(--block-background-fill); padding: var(--spacing-lg); box-sizing: border-box; }
.vt-nativeplot-chart { width: 100%; height: 100%; min-height: 120px; }
.vt-nativeplot-empty { display: flex; align-items: center; justify-content: center; height: 100%; min-height: 120px;
  color: var(--body-text-color-subdued); background: var(--background-fill-secondary);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); }
.vt-nativeplot-tools { position: absolute; top: 0; right: 0; display: flex; gap: var(--spacing-sm); z-index: 2; }
.vt-nativeplot-tool { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; padding: 0;
  color: var(--body-text-color); background: var(--block-background-fill); border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-sm); cursor: pointer; }
.vt-nativeplot-tool:hover, .vt-nativeplot-tool:focus-visible { border-color: var(--color-accent); }
.vt-nativeplot-caption { margin: var(--spacing-sm) 0 0; padding: 0 var(--spacing-sm); text-align: center;
  font-size: var(--text-sm); color: var(--body-text-color); }
.vt-nativeplot-chart .main-svg { overflow: visible; }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/**
 * Reads the theme's colours at `element` as plain `rgb()` colours plotly understands (a CSS
 * variable may hold any colour syntax, or another variable): each is resolved by a probe element.
 */
export function readTheme(element: HTMLElement): FigureTheme {
  const probe = document.createElement("span");
  probe.style.display = "none";
  element.appendChild(probe);
  // Colours come from the theme's variables; without a theme, the text colour of the page.
  const resolve = (variable: string, fallback = "currentcolor"): string => {
    probe.style.color = `var(${variable}, ${fallback})`;
    return getComputedStyle(probe).color || getComputedStyle(element).color;
  };
  try {
    return {
      text: resolve("--body-text-color"),
      subdued: resolve("--body-text-color-subdued"),
      grid: resolve("--border-color-primary"),
      accent: resolve("--color-accent"),
      background: resolve("--block-background-fill", "transparent"),
      font: getComputedStyle(element).fontFamily || "sans-serif",
      scale: [100, 200, 300, 400, 500, 600, 700, 800, 900].map((n) => resolve(`--primary-${n}`, "var(--color-accent, currentcolor)")),
    };
  } finally {
    probe.remove();
  }
}

/** What plotly adds to the chart element: its event methods. */
interface PlotlyElement extends HTMLDivElement {
  on?(event: string, handler: (data: unknown) => void): void;
  removeAllListeners?(event: string): void;
}

/**
 * The view of LinePlot, BarPlot and ScatterPlot: the table drawn with plotly.js (loaded once per
 * page, when the first plot mounts), in the theme's colours. Dragging selects an x range (a box
 * on a ScatterPlot) and fires `select`; a double click clears the selection and fires
 * `double_click`. Buttons: fullscreen and PNG export, when `buttons` asks for them.
 */
export function NativePlotView({ value, props, dispatch }: ViewProps<NativePlotData | null, NativePlotViewProps>) {
  adoptStylesheet("vt-nativeplot-style", CSS);
  const chart = useRef<PlotlyElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const plotly = useRef<Plotly | null>(null);
  const [error, setError] = useState<string | null>(null);
  const captionId = useId();
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;

  const mark: NativePlotMark = (value?.mark as NativePlotMark | undefined) ?? MARKS[props.name ?? ""] ?? "line";
  const kind = KIND_LABELS[mark] ?? "Plot";
  const label = props.label || props.title || kind;
  const height = cssLength(props.height) ?? "300px";
  const width = cssLength(props.width);
  const buttons = props.buttons ?? [];
  const hasValue = Boolean(value && value.columns);

  // Whether the plot fills the screen (its button then says it exits).
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === frame.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // The theme's colours are read when drawing: switching light/dark (the page toggles the `dark`
  // class on <html>) redraws.
  const [themeVersion, setThemeVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === "undefined") return;
    const observer = new MutationObserver(() => setThemeVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);

  // Draws (or redraws) the figure whenever the value, the props or the theme change.
  const propsKey = JSON.stringify(props);
  useEffect(() => {
    const element = chart.current;
    if (!element || !value || !value.columns) return;
    let cancelled = false;
    void loadPlotly(import.meta.url)
      .then(async (Plotly) => {
        if (cancelled) return;
        plotly.current = Plotly;
        const figure = buildFigure(value, props, readTheme(element), mark);
        await (Plotly as unknown as { react: (...a: unknown[]) => Promise<unknown> }).react(element, figure.data, figure.layout, figure.config);
        if (cancelled) return;
        setError(null);
        const xType = value.datatypes[props.x ?? value.columns[0] ?? ""] ?? "quantitative";
        const categories = (figure.layout.xaxis as { categoryarray?: unknown[] }).categoryarray;
        element.removeAllListeners?.("plotly_selected");
        element.removeAllListeners?.("plotly_deselect");
        element.on?.("plotly_selected", (event) => {
          const data = selectionData(event as PlotlySelection | undefined, xType, { box: mark === "point", categories, color: Boolean(props.color) });
          if (data) dispatchRef.current("select", data);
        });
        // In select mode plotly takes a double click for itself (the page sees no dblclick): it
        // clears the selection and tells with plotly_deselect, which only a double click fires.
        element.on?.("plotly_deselect", () => dispatchRef.current("double_click"));
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, propsKey, mark, themeVersion]);

  // Follows the container's size; purges the plot when the view unmounts.
  useEffect(() => {
    const element = chart.current;
    if (!element) return;
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
      const Plotly = plotly.current as unknown as { Plots?: { resize(el: HTMLElement): unknown } } | null;
      if (!Plotly || !element.querySelector(".main-svg") || element.offsetParent === null) return; // not drawn, or hidden
      try {
        void Promise.resolve(Plotly.Plots?.resize(element)).catch(() => undefined);
      } catch {
        // plotly refuses to resize a plot that is not displayed: the next resize will do.
      }
    });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      (plotly.current as unknown as { purge?: (el: HTMLElement) => void } | null)?.purge?.(element);
    };
  }, [hasValue]);

  async function exportPng(): Promise<void> {
    const element = chart.current;
    const Plotly = plotly.current as unknown as {
      relayout: (...a: unknown[]) => Promise<unknown>;
      downloadImage: (el: HTMLElement, options: Record<string, unknown>) => Promise<unknown>;
    } | null;
    if (!element || !Plotly) return;
    // The PNG gets the block's background, not the page's transparency.
    const theme = readTheme(element);
    await Plotly.relayout(element, { paper_bgcolor: theme.background });
    try {
      await Plotly.downloadImage(element, { format: "png", filename: (props.title || props.label || "plot").replace(/[^\w.-]+/g, "_"), scale: 2 });
    } finally {
      await Plotly.relayout(element, { paper_bgcolor: "rgba(0,0,0,0)" });
    }
  }

  const showLabel = props.show_label !== false && Boolean(props.label);
  return (
    <div className="vt-field vt-nativeplot" style={width ? { width } : undefined}>
      {showLabel ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-nativeplot-frame" ref={frame} style={{ height }}>
        {hasValue && buttons.length ? (
          <div className="vt-nativeplot-tools">
            {buttons.includes("export") ? (
              <button type="button" className="vt-nativeplot-tool" aria-label="Export as PNG" title="Export as PNG" onClick={() => void exportPng()}>
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2 13h12" />
                </svg>
              </button>
            ) : null}
            {buttons.includes("fullscreen") ? (
              <button type="button" className="vt-nativeplot-tool" aria-label={fullscreen ? "Exit fullscreen" : "Fullscreen"}
                title={fullscreen ? "Exit fullscreen" : "Fullscreen"}
                onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}>
                <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
                </svg>
              </button>
            ) : null}
          </div>
        ) : null}
        {hasValue ? (
          <div
            className="vt-nativeplot-chart"
            ref={chart}
            role="img"
            aria-label={`${kind}: ${label}`}
            aria-describedby={props.caption ? captionId : undefined}
            data-testid="vt-nativeplot-chart"
          />
        ) : (
          <div className="vt-nativeplot-empty" role="img" aria-label={`${label}: empty`}>
            <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
              <path d="M3 3v18h18M7 15l4-4 3 3 5-6" />
            </svg>
          </div>
        )}
      </div>
      {error ? <p className="vt-info" role="alert">Could not draw the plot: {error}</p> : null}
      {props.caption ? <p className="vt-nativeplot-caption" id={captionId}>{props.caption}</p> : null}
    </div>
  );
}
