import * as vt from "vitrine";
import { sleep } from "./sleep.js";

/**
 * `trigger_mode`: what a click does while the previous run is still going. "once" ignores it,
 * "multiple" runs it too, "always_last" runs once more when the current run ends. Each run
 * counts itself (per browser session).
 */
export function triggers(options: { delayMs?: number } = {}) {
  const delay = options.delayMs ?? 600;
  const runs = new Map<string, number>();
  return vt.Blocks({ title: "Trigger modes" }, () => {
    vt.Markdown("# Trigger modes\nClick a button several times while it runs.");
    vt.Row(() => {
      for (const mode of ["once", "multiple", "always_last"] as const) {
        vt.Column(() => {
          const out = vt.Textbox({ label: `${mode} runs` });
          vt.Button(`Run (${mode})`).click({
            fn: async ({ session }) => {
              const key = `${mode}:${session.hash}`;
              const n = (runs.get(key) ?? 0) + 1;
              runs.set(key, n);
              await sleep(delay);
              return `${n} run${n === 1 ? "" : "s"}`;
            },
            outputs: [out],
            trigger_mode: mode,
            concurrency_limit: null,
            api_name: `run_${mode}`,
          });
        });
      }
    });

    vt.Markdown("## Defaults and several triggers\n`change` events default to always_last: typing while it runs re-runs once, with the latest text.");
    const typed = vt.Textbox({ label: "type here" });
    const shouted = vt.Textbox({ label: "shouted" });
    typed.change({
      fn: async (text: string, { session }) => {
        const key = `change:${session.hash}`;
        const n = (runs.get(key) ?? 0) + 1;
        runs.set(key, n);
        await sleep(delay);
        return `${n} run${n === 1 ? "" : "s"}: ${text.toUpperCase()}`;
      },
      inputs: [typed],
      outputs: [shouted],
      api_name: "shout",
    });
    const name = vt.Textbox({ label: "name", placeholder: "Press Enter, or click Greet" });
    const greet = vt.Button("Greet");
    const greeting = vt.Textbox({ label: "greeting" });
    // One function, two triggers.
    vt.on([name.submit, greet.click], { fn: (n: string) => `Hello, ${n}!`, inputs: [name], outputs: [greeting], api_name: "greet" });
  });
}
