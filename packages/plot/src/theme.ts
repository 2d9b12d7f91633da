/**
 * Themes a plotly figure from the page's CSS variables, so that a plot follows the app's theme
 * in light and dark mode: the figure's own settings win, the theme fills in what it leaves unset.
 * Browser side; the pure merge ({@link themeLayout}) is testable anywhere.
 */
import type { Layout } from "plotly.js-dist-min";

/** The theme colours and font a plot takes from the page (null: the variable is not set). */
export interface PlotTheme {
  /** Text colour (`--body-text-color`). */
  text: string | null;
  /** Background of the paper and plot area (`--block-background-fill`, else `--background-fill-primary`). */
  background: string | null;
  /** Grid, zero line and axis line colour (`--border-color-primary`). */
  grid: string | null;
  /** Font family (`--font`, as the plot's container computes it). */
  font: string | null;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `base` with the keys of `theme` that `base` leaves unset (null counts as unset, as plotly's default). */
function fill(base: unknown, theme: Obj): Obj {
  const out: Obj = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(theme)) {
    if (value !== null && value !== undefined && (out[key] === undefined || out[key] === null)) out[key] = value;
  }
  return out;
}

/**
 * The figure's layout with the theme filled in where the layout itself sets nothing: paper and
 * plot background, font colour and family, and the grid, zero line and axis line colours of
 * every cartesian axis (`xaxis`, `yaxis`, `xaxis2`, …), plus the legend and hover label
 * backgrounds. A plotly template's colours (Python figures carry one) give way to the theme, as
 * the layout's own settings override a template's. `autosize` is on: the plot fills its box.
 */
export function themeLayout(layout: Partial<Layout> | null | undefined, theme: PlotTheme): Partial<Layout> {
  const out: Obj = fill(layout, { paper_bgcolor: theme.background, plot_bgcolor: theme.background });
  out.font = fill(out.font, { color: theme.text, family: theme.font });
  const axes = new Set(["xaxis", "yaxis", ...Object.keys(out).filter((key) => /^[xy]axis\d*$/.test(key))]);
  for (const axis of axes) {
    out[axis] = fill(out[axis], { gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid });
  }
  if (isObject(out.polar)) {
    const polar = fill(out.polar, { bgcolor: theme.background });
    for (const axis of ["radialaxis", "angularaxis"]) polar[axis] = fill(polar[axis], { gridcolor: theme.grid, linecolor: theme.grid });
    out.polar = polar;
  }
  out.legend = fill(out.legend, { bgcolor: theme.background });
  out.autosize = true;
  return out as Partial<Layout>;
}

/** A CSS colour as `rgba(r, g, b, a)`, drawn once on a 1×1 canvas; the text itself where no canvas draws. */
function resolveColor(value: string): string {
  if (typeof OffscreenCanvas === "undefined") return value;
  const ctx = new OffscreenCanvas(1, 1).getContext("2d", { willReadFrequently: true });
  if (!ctx) return value;
  ctx.fillStyle = "rgba(0, 0, 0, 0)";
  ctx.fillStyle = value;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${Math.round((a! / 255) * 1000) / 1000})`;
}

/** The theme as the CSS variables give it at `element` (colours resolved to rgba, which plotly reads). */
export function readTheme(element: Element): PlotTheme {
  const style = getComputedStyle(element);
  const variable = (name: string) => style.getPropertyValue(name).trim() || null;
  const color = (...names: string[]) => {
    for (const name of names) {
      const value = variable(name);
      if (value) return resolveColor(value);
    }
    return null;
  };
  return {
    text: color("--body-text-color"),
    background: color("--block-background-fill", "--background-fill-primary"),
    grid: color("--border-color-primary"),
    font: style.fontFamily.trim() || variable("--font"),
  };
}
