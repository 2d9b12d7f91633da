import * as vt from "vitrine";

/** Blocks: a Row of two inputs, and two buttons bound to two functions (one outside the queue). */
export function blocks() {
  return vt.Blocks({ title: "Blocks" }, () => {
    vt.Markdown("# Blocks\nTwo inputs side by side, two buttons, two functions.");
    let word!: vt.Textbox;
    let times!: vt.NumberComponent;
    vt.Row(() => {
      word = vt.Textbox({ label: "word", value: "ha" });
      times = vt.Number({ label: "times", value: 3, precision: 0 });
    });
    const result = vt.Textbox({ label: "result" });
    vt.Row(() => {
      vt.Button({ value: "Repeat", variant: "primary" }).click({
        fn: (w: string, n: number) => w.repeat(Math.max(0, n)),
        inputs: [word, times],
        outputs: [result],
        api_name: "repeat",
      });
      vt.Button({ value: "Reverse", variant: "secondary" }).click({
        fn: (w: string) => [...w].reverse().join(""),
        inputs: [word],
        outputs: [result],
        api_name: "reverse",
        queue: false,
      });
    });
  });
}
