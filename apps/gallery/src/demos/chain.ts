import * as vt from "vitrine";
import { sleep } from "./sleep.js";

/**
 * Chained events: `.success` runs after a success only, `.failure` after a failure only, and
 * `.then` after either. Each step appends a line to the log.
 */
export function chain(options: { delayMs?: number } = {}) {
  const delay = options.delayMs ?? 200;
  return vt.Blocks({ title: "Chain" }, () => {
    vt.Markdown("# Chain\nStep 1 may fail; what runs next depends on how it ended.");
    const fail = vt.Checkbox({ label: "make step 1 fail", value: false });
    const log = vt.Textbox({ label: "log", lines: 5 });
    const finished = vt.Textbox({ label: "finished" });
    const run = vt.Button({ value: "Run", variant: "primary" });

    const step1 = run.click({
      fn: async (shouldFail: boolean, text: string) => {
        await sleep(delay);
        if (shouldFail) throw new vt.Error("Step 1 failed");
        return `${text}step 1\n`;
      },
      inputs: [fail, log],
      outputs: [log],
      api_name: "step1",
    });
    step1
      .success({ fn: async (text: string) => (await sleep(delay), `${text}success\n`), inputs: [log], outputs: [log], api_name: false })
      .then({ fn: async (text: string) => (await sleep(delay), `${text}then\n`), inputs: [log], outputs: [log], api_name: false });
    step1.failure({ fn: (text: string) => `${text}failure\n`, inputs: [log], outputs: [log], api_name: false });
    step1.then({ fn: () => "yes", outputs: [finished], api_name: false });
    vt.Button("Clear").click({ fn: () => ["", ""] as [string, string], outputs: [log, finished], queue: false, api_name: false });
  });
}
