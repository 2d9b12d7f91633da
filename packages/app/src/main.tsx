/**
 * Browser entry: reads the config, draws the layout at once (components show a skeleton until
 * their views load), fires the app's `load` event and runs its `js` function.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { compileClientFunction } from "./clientFunction.js";
import { connect } from "./connect.js";
import { EventRunner } from "./events.js";
import { pageFiles } from "./files.js";
import { componentServer } from "./componentServer.js";
import { appRoot, loadConfig } from "./loadConfig.js";
import { ViewLoader } from "./loadViews.js";
import { persistBrowserValues } from "./browserStorage.js";
import { listenForReload } from "./devReload.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";
import { createApiRecorder } from "./api-recorder.js";
import "./styles.css";
import "./layouts.css";

/** Adds the app's custom CSS (`css` in the config) after the base stylesheet, unless the server already put it in the page. */
function applyCss(css: string | null | undefined): void {
  if (!css || document.querySelector('style[data-vitrine="custom-css"]')) return;
  const style = document.createElement("style");
  style.dataset.vitrine = "custom-css";
  style.textContent = css;
  document.head.append(style);
}

/** Runs the app's `js` function (Blocks' `js` option) once the page is drawn. */
async function runAppJs(source: string | null | undefined): Promise<void> {
  if (!source) return;
  try {
    await compileClientFunction(source)();
  } catch (err) {
    console.error("[vitrine] the app's js function failed:", err);
  }
}

async function start(element: HTMLElement): Promise<void> {
  const config = await loadConfig();
  document.title = config.title || "Vitrine";
  applyCss(config.css);
  const root = appRoot(config, document.baseURI);
  const views = new ViewLoader(root);
  void views.ensure(config.ui_modules);
  const store = createAppStore(config.components);
  persistBrowserValues(store);
  listenForReload(store);
  const toasts = createToastStore();
  const recorder = createApiRecorder();
  let sessionHash: string | null = null;
  const callServer = componentServer(root, config.api_prefix, () => sessionHash);
  const runner = new EventRunner({
    dependencies: config.dependencies,
    store,
    toasts,
    connect: () => connect(root).then((client) => ((sessionHash = (client as { session_hash?: string }).session_hash ?? null), client)),
    scrollTo: (id) => document.querySelector(`[data-testid="block-${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "start" }),
    onRender: (region) => void views.ensure(region.ui_modules),
    uploadsSettled: () => files.settled(),
    onSubmit: (dep, data) => recorder.getState().record(dep, data),
  });
  const files = pageFiles(root, config.api_prefix, (list, options) => runner.upload(list, options));
  createRoot(element).render(<App config={config} page={{ store, runner, views: views.store, files, callServer }} toasts={toasts} root={root} recorder={recorder} />);
  if (config.dependencies.some((d) => d.backend_fn)) runner.preconnect();
  void runner.fire(config.layout.id, "load");
  void runAppJs(config.js);
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
