import * as vt from "vitrine";

/**
 * State: values kept per user session on the server (a counter, a history with a time to
 * live), a BrowserState kept in the browser across reloads, and `unload` when a page closes.
 * Open the demo in two windows: each has its own counter.
 */
export function state(options: { ttlSeconds?: number } = {}) {
  let ended = 0;
  let deleted = 0;
  return vt.Blocks({ title: "State" }, (demo) => {
    vt.Markdown("# State\nEach visitor has their own counter and history; a second window starts from zero.");
    const count = vt.State({ value: 0 });
    const history = vt.State({
      value: () => [] as string[],
      time_to_live: options.ttlSeconds ?? 600,
      delete_callback: () => {
        deleted++;
      },
    });
    const visits = vt.BrowserState({ value: 0, storage_key: "vitrine-gallery-visits", secret: "gallery demo secret" });

    const [shown, visitsShown] = vt.Row(() => [
      vt.Number({ label: "your count", value: 0, interactive: false }),
      vt.Number({ label: "your visits (kept in this browser)", value: 0, interactive: false }),
    ]);
    const add = vt.Button({ value: "+1", variant: "primary" });
    add.click({ fn: (n: number) => [n + 1, n + 1], inputs: [count], outputs: [count, shown], api_name: "increment" });

    const message = vt.Textbox({ label: "message", placeholder: "Type and press Enter" });
    const log = vt.Textbox({ label: "your history", lines: 4, interactive: false });
    message.submit({
      fn: (text: string, past: string[]) => {
        const next = [...past, text];
        return [next, next.join("\n"), ""];
      },
      inputs: [message, history],
      outputs: [history, log, message],
      api_name: "remember",
    });
    // A State's change event: fires when a function gave it a new value.
    const changes = vt.Number({ label: "history changes", value: 0, interactive: false });
    history.change({ fn: (n: number) => n + 1, inputs: [changes], outputs: [changes], api_name: false });

    const server = vt.Textbox({ label: "on this server", interactive: false });
    demo.load({
      fn: (v: number) => [v + 1, v + 1, `${ended} session(s) ended, ${deleted} history value(s) deleted`],
      inputs: [visits],
      outputs: [visits, visitsShown, server],
      api_name: false,
    });
    demo.unload(() => {
      ended++;
    });
  });
}
