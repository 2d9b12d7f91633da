import * as vt from "vitrine";
import { sleep } from "./sleep.js";

/**
 * Examples three ways: outputs cached when the app starts (a click fills the greeting at once,
 * without running the function), cached on an example's first click (`"lazy"`), and run on
 * every click (`run_on_click`). "Count runs" shows how often the functions really ran.
 */
export function examples(options: { delayMs?: number } = {}) {
  const delay = options.delayMs ?? 700;
  let runs = 0;
  return vt.Blocks({ title: "Examples" }, () => {
    vt.Markdown("# Examples\nClick an example to fill the inputs. Cached examples fill the outputs too, without running the function.");

    vt.Markdown("## Cached at start\n`cache_examples: true`: the greetings were computed when the app started.");
    let name!: vt.Textbox;
    let times!: vt.NumberComponent;
    vt.Row(() => {
      name = vt.Textbox({ label: "Name" });
      times = vt.Number({ label: "Times", value: 1, precision: 0, minimum: 1, maximum: 5 });
    });
    const greeting = vt.Textbox({ label: "Greeting" });
    const greet = (who: string, n: number) => {
      runs++;
      return Array.from({ length: Math.max(1, n) }, () => `Hello, ${who}!`).join(" ");
    };
    vt.Button({ value: "Greet", variant: "primary" }).click({ fn: greet, inputs: [name, times], outputs: [greeting], api_name: "greet" });
    vt.Examples({
      examples: [
        ["Ada", 1],
        ["Grace", 2],
        ["Alan", 3],
        ["Katherine", 1],
        ["Edsger", 2],
      ],
      inputs: [name, times],
      outputs: greeting,
      fn: greet,
      cache_examples: true,
      examples_per_page: 3,
      label: "Cached greetings",
    });

    vt.Markdown("## Cached on first click\n`cache_examples: \"lazy\"`: the first click on an example runs the (slow) function; later clicks reuse its result.");
    const text = vt.Textbox({ label: "Text" });
    const reversed = vt.Textbox({ label: "Reversed" });
    vt.Examples({
      examples: ["stressed", "drawer", "Was it a car or a cat I saw?"],
      inputs: text,
      outputs: reversed,
      fn: async (t: string) => {
        runs++;
        await sleep(delay);
        return [...t].reverse().join("");
      },
      cache_examples: "lazy",
      label: "Lazily cached",
    });

    vt.Markdown("## Run on click\n`run_on_click: true`: each click fills the inputs, then runs the function.");
    let a!: vt.NumberComponent;
    let b!: vt.NumberComponent;
    vt.Row(() => {
      a = vt.Number({ label: "a" });
      b = vt.Number({ label: "b" });
    });
    const sum = vt.Number({ label: "a + b" });
    vt.Examples({
      examples: [
        [1, 2],
        [20, 22],
        [-5, 5],
      ],
      inputs: [a, b],
      outputs: sum,
      fn: (x: number, y: number) => {
        runs++;
        return x + y;
      },
      run_on_click: true,
      label: "Sums",
    });

    vt.Markdown("## How often the functions ran");
    vt.Row(() => {
      const count = vt.Number({ label: "Function runs", precision: 0, interactive: false });
      vt.Button("Count runs").click({ fn: () => runs, outputs: [count], api_name: "count_runs", queue: false });
    });
  });
}
