/**
 * Browser entry: loads the config, the component views and the stylesheet, then renders the
 * app and fires its `load` event.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { connect } from "./connect.js";
import { EventRunner } from "./events.js";
import { appRoot, loadConfig } from "./loadConfig.js";
import { loadViews } from "./loadViews.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";
import "./styles.css";

/** Adds the app's custom CSS (`css` in the config) after the base stylesheet. */
function applyCss(css: string | null | undefined): void {
  if (!css) return;
  const style = document.createElement("style");
  style.dataset.vitrine = "custom-css";
  style.textContent = css;
  document.head.append(style);
}

async function start(element: HTMLElement): Promise<void> {
  const config = await loadConfig();
  document.title = config.title || "Vitrine";
  applyCss(config.css);
  const root = appRoot(config, document.baseURI);
  const views = await loadViews(config, root);
  const store = createAppStore(config.components);
  const toasts = createToastStore();
  const runner = new EventRunner({
    dependencies: config.dependencies,
    store,
    toasts,
    connect: () => connect(root),
    scrollTo: (id) => document.querySelector(`[data-testid="block-${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "start" }),
  });
  createRoot(element).render(<App config={config} page={{ store, runner, views }} toasts={toasts} />);
  if (config.dependencies.some((d) => d.backend_fn)) runner.preconnect();
  void runner.fire(config.layout.id, "load");
}

const element = document.getElementById("vt-root")!;
start(element).catch((err: unknown) => {
  element.innerHTML = "";
  const box = document.createElement("div");
  box.className = "vt-error-box vt-fatal";
  box.setAttribute("role", "alert");
  box.textContent = `This app could not start: ${err instanceof Error ? err.message : String(err)}`;
  element.append(box);
});
