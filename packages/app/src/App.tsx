import type { StoreApi } from "zustand/vanilla";
import type { AppConfig } from "@vitrine/core";
import { Page, type PageContext } from "./context.js";
import { LayoutRoot } from "./layout.js";
import { Toasts } from "./Toasts.js";
import type { ToastState } from "./toasts.js";

/** The whole page: the app's layout and the toasts. */
export function App({ config, page, toasts }: { config: AppConfig; page: PageContext; toasts: StoreApi<ToastState> }) {
  return (
    <Page.Provider value={page}>
      <main className="vt-app">
        <LayoutRoot node={config.layout} />
      </main>
      <Toasts store={toasts} />
    </Page.Provider>
  );
}
