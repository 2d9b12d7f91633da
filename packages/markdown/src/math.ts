/**
 * Loading KaTeX for a view that renders Markdown with formulas (the Markdown view, a Chatbot's
 * messages, a Dataframe's "markdown" cells): once per page, the first time a text holds a formula.
 */
import { useEffect } from "react";
import type { MathRenderer } from "./render.js";

/** KaTeX's renderer once loaded (shared by every view of the bundle), and its loading. */
let loadedMath: MathRenderer | null = null;
let loadingMath: Promise<MathRenderer> | null = null;

/** KaTeX's renderer if it is loaded already, else null (a view's initial state). */
export function loadedMathRenderer(): MathRenderer | null {
  return loadedMath;
}

/**
 * Loads KaTeX: its stylesheet (with its fonts), from `components/markdown/katex.css` beside the
 * view (a view other than Markdown's declares that folder in its `ui.assets`: see
 * `markdownAssetsFolder`), and the chunk `./katex.js` was split into, which the view's build
 * puts beside it (`--lazy <type>` in tools/build-ui.mjs).
 */
export function loadMath(): Promise<MathRenderer> {
  loadingMath ??= (async () => {
    if (typeof document !== "undefined" && !document.querySelector("link[data-vt-katex]")) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("./markdown/katex.css", import.meta.url).href;
      link.dataset.vtKatex = "";
      document.head.append(link);
    }
    const { renderMath } = await import("./katex.js");
    loadedMath = renderMath;
    return renderMath;
  })().catch((err: unknown) => {
    loadingMath = null;
    throw err;
  });
  return loadingMath;
}

/**
 * Loads KaTeX once `load` is true (a rendered text holds a formula and the view has no renderer
 * yet) and hands it to `onLoaded` (a state setter: the view then renders its formulas). A
 * failure is logged; formulas then keep showing as their source.
 */
export function useLoadMath(load: boolean, onLoaded: (render: MathRenderer) => void): void {
  useEffect(() => {
    if (!load) return;
    let current = true;
    loadMath().then(
      (render) => {
        if (current) onLoaded(render);
      },
      (err: unknown) => console.warn("[vitrine] could not load KaTeX; formulas show as source:", err),
    );
    return () => {
      current = false;
    };
    // (onLoaded only sets state: a new function each render need not restart the load.)
  }, [load]);
}
