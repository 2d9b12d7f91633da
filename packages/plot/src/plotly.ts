/**
 * Loads plotly.js in the browser, once per page, from `components/plotly/plotly.min.js`: the
 * folder every plot component declares in its `ui.assets` (see `PLOTLY_ASSETS`), copied from the
 * `plotly.js-dist-min` npm package by this package's build. Nothing loads until a plot view asks,
 * so a page without plots never downloads plotly.js.
 */
import type * as PlotlyTypes from "plotly.js-dist-min";

/** The plotly.js API (`window.Plotly`). */
export type Plotly = typeof PlotlyTypes;

let loading: Promise<Plotly> | undefined;

/**
 * plotly.js, loading it on the first call. `base` is the URL of the calling view module (its
 * `import.meta.url`, the default being the module this function was bundled into), which the
 * page serves at `components/<type>.js`.
 */
export function loadPlotly(base: string = import.meta.url): Promise<Plotly> {
  const existing = (globalThis as unknown as { Plotly?: Plotly }).Plotly;
  if (existing) return Promise.resolve(existing);
  loading ??= import(/* @vite-ignore */ new URL("./plotly/plotly.min.js", base).href).then(
    () => {
      const plotly = (globalThis as unknown as { Plotly?: Plotly }).Plotly;
      if (!plotly) throw new Error("plotly.js loaded but did not define window.Plotly");
      return plotly;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
