import * as vt from "vitrine";
import { sleep } from "./sleep.js";

/**
 * Progress bars, and the three ways an event shows that it runs (`show_progress`):
 * "full" covers the output with a panel, a timer and the bars; "minimal" shows only the
 * timer; "hidden" shows nothing.
 */
export function progress(options: { delayMs?: number } = {}) {
  const delay = options.delayMs ?? 300;
  return vt.Blocks({ title: "Progress" }, () => {
    vt.Markdown("# Progress\nA function reports its progress; the page draws bars over its output.");
    const steps = vt.Slider({ label: "steps", minimum: 1, maximum: 20, step: 1, value: 8 });
    const result = vt.Textbox({ label: "result" });
    vt.Button({ value: "Run", variant: "primary" }).click({
      fn: async (n: number, { progress, signal }) => {
        progress(0, { desc: "Warming up" });
        await sleep(delay, signal);
        for (const _ of progress.track(Array.from({ length: n }), { desc: "Working", unit: "steps" })) {
          await sleep(delay, signal);
        }
        return `Finished ${n} steps`;
      },
      inputs: [steps],
      outputs: [result],
      api_name: "run",
    });

    vt.Markdown("## show_progress\nThe same slow function, shown three ways.");
    vt.Row(() => {
      for (const mode of ["full", "minimal", "hidden"] as const) {
        vt.Column(() => {
          const out = vt.Textbox({ label: `${mode} output` });
          vt.Button(`Run (${mode})`).click({
            fn: async ({ signal }) => {
              await sleep(delay * 10, signal);
              return `done (${mode})`;
            },
            outputs: [out],
            show_progress: mode,
            api_name: `run_${mode}`,
          });
        });
      }
    });
  });
}
