import { lazy, Suspense, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { AppConfig } from "@vitrine/core";
import { Page, type PageContext } from "./context.js";
import { LayoutRoot } from "./layout.js";
import { Toasts } from "./Toasts.js";
import type { ToastState } from "./toasts.js";
import type { ApiRecorderState } from "./api-recorder.js";
import { ApiRecorderBadge } from "./ApiRecorderBadge.js";

const ApiPanel = lazy(() => import("./ApiPanel.js"));

/** The page's classes: Vitrine's and Gradio's root class (for custom CSS), and the fill options. */
function rootClasses(config: AppConfig): string {
  return [
    "vt-app",
    "vitrine-container",
    "gradio-container",
    config.fill_height ? "vt-fill-height" : "",
    config.fill_width ? "vt-fill-width" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The footer: "Use via API" (when the app shows its API) and "Built with Vitrine". */
function Footer({ config, onApi }: { config: AppConfig; onApi: () => void }) {
  return (
    <footer className="vt-footer">
      {config.show_api !== false ? (
        <button type="button" className="vt-footer-link" onClick={onApi}>
          Use via API
        </button>
      ) : null}
      {config.show_api !== false ? <span aria-hidden="true">·</span> : null}
      <a className="vt-footer-link" href="https://www.npmjs.com/package/vitrine" target="_blank" rel="noreferrer">
        Built with Vitrine
      </a>
    </footer>
  );
}

/** The whole page: the app's layout, its footer, the API panel and the toasts. */
export function App({ config, page, toasts, root, recorder }: { config: AppConfig; page: PageContext; toasts: StoreApi<ToastState>; root: string; recorder?: StoreApi<ApiRecorderState> }) {
  const [apiOpen, setApiOpen] = useState(false);
  return (
    <Page.Provider value={page}>
      <main className={rootClasses(config)}>
        <LayoutRoot node={config.layout} />
        <Footer config={config} onApi={() => setApiOpen(true)} />
      </main>
      {apiOpen ? (
        <Suspense fallback={null}>
          <ApiPanel root={root} config={config} recorder={recorder} onClose={() => setApiOpen(false)} />
        </Suspense>
      ) : null}
      {recorder && !apiOpen ? <ApiRecorderBadge recorder={recorder} onOpen={() => setApiOpen(true)} /> : null}
      <Toasts store={toasts} />
    </Page.Provider>
  );
}
