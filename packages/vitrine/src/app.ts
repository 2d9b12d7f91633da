import { BlocksApp, type BlocksProps } from "@vitrine/core";
import { launch, type LaunchOptions, type RunningServer } from "@vitrine/server";

/** An app that can serve itself: a Blocks app with `launch()` and `close()`. */
export class App extends BlocksApp {
  private running: RunningServer | null = null;

  /**
   * Starts serving the app (default http://127.0.0.1:7860/, or the next free port) and
   * prints its URL. Resolves with the running server.
   */
  async launch(options: LaunchOptions = {}): Promise<RunningServer> {
    if (this.running) return this.running;
    this.running = await launch(this, options);
    return this.running;
  }

  /** Stops the server started by {@link App.launch}. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.close();
  }
}

/**
 * Builds an app; blocks created inside `build` are placed in it, in order. The callback gets
 * the app (for `app.load(...)` inside it). Call `.launch()` on the result to serve it.
 *
 * @example
 * const demo = vt.Blocks({ title: "Greeter" }, () => {
 *   const name = vt.Textbox({ label: "Name" });
 *   const out = vt.Textbox({ label: "Greeting" });
 *   vt.Button("Greet").click({ fn: (n: string) => `Hello ${n}!`, inputs: [name], outputs: [out] });
 * });
 * await demo.launch();
 */
export function Blocks(build: (app: App) => void): App;
export function Blocks(props: BlocksProps, build: (app: App) => void): App;
export function Blocks(a: BlocksProps | ((app: App) => void), b?: (app: App) => void): App {
  const [props, build] = typeof a === "function" ? [{}, a] : [a, b];
  return new App(props).fill(build);
}
