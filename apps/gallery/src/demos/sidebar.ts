import * as vt from "vitrine";

/** Sidebar: filters in a collapsible side panel, the result in the page. */
export function sidebar() {
  return vt.Blocks({ title: "Sidebar" }, (demo) => {
    const min = vt.Slider({ label: "at least", minimum: 0, maximum: 100, step: 1, value: 20, render: false });
    const odd = vt.Checkbox({ label: "odd numbers only", value: false, render: false });
    const panel = vt.Sidebar({ label: "Filters", position: "left" }, () => {
      min.render();
      odd.render();
    });
    vt.Markdown("# Sidebar\nThe filters live in the sidebar; close it with its arrow. On a phone it opens over the page.");
    const out = vt.Textbox({ label: "numbers", lines: 3 });
    const state = vt.Textbox({ label: "sidebar events", interactive: false });
    const filter = (least: number, oddOnly: boolean) =>
      Array.from({ length: 100 }, (_, i) => i + 1)
        .filter((n) => n >= least && (!oddOnly || n % 2 === 1))
        .slice(0, 30)
        .join(", ");
    vt.on([min.change, odd.change], { fn: filter, inputs: [min, odd], outputs: [out], api_name: "filter" });
    // The numbers show at once, from the filters' first values.
    demo.load({ fn: filter, inputs: [min, odd], outputs: [out], api_name: false });
    panel.expand({ fn: (s: string) => `${s}expand `, inputs: [state], outputs: [state], api_name: false });
    panel.collapse({ fn: (s: string) => `${s}collapse `, inputs: [state], outputs: [state], api_name: false });
  });
}
