import * as vt from "vitrine";

/**
 * Values made by functions, as Gradio's callable `value`: a clock re-run `every` second, a
 * random number drawn again on each page load, and a Markdown summary whose function takes a
 * Slider as `inputs` (it re-runs as the slider moves). With `failing`, a Textbox whose function
 * throws: that box shows the error, the rest of the page keeps working.
 */
export function liveValues(options: { every?: number; failing?: boolean } = {}) {
  const every = options.every ?? 1;
  return vt.Blocks({ title: "Live values" }, () => {
    vt.Markdown({ value: "# Live values\nEach value below comes from a function: `value: () => …`." });
    vt.Row(() => {
      vt.Textbox({ label: "clock", value: () => new Date().toISOString().slice(11, 19), every, info: `the server's time (UTC), every ${every} s` });
      vt.Number({ label: "random", value: () => Math.floor(Math.random() * 1_000_000_000), precision: 0, info: "drawn on each page load" });
    });
    const stars = vt.Slider({ label: "stars", minimum: 0, maximum: 10, step: 1, value: 3 });
    vt.Markdown({
      elem_id: "summary",
      value: function summary(n: number) {
        return `**${n} of 10** ${"★".repeat(n)}${"☆".repeat(10 - n)}`;
      },
      inputs: stars,
    });
    if (options.failing) {
      vt.Textbox({
        label: "forecast",
        value: () => {
          throw new vt.Error("The forecast service is down");
        },
      });
    }
  });
}
