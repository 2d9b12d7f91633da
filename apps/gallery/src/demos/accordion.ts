import * as vt from "vitrine";

/** Accordion: settings folded away under a header; opening and closing fire `expand` and `collapse`. */
export function accordion() {
  return vt.Blocks({ title: "Accordion" }, () => {
    vt.Markdown("# Accordion\nOpen **Settings** to change how the text is repeated.");
    const text = vt.Textbox({ label: "text", value: "echo" });
    const log = vt.Textbox({ label: "accordion events", interactive: false });
    const times = vt.Slider({ label: "times", minimum: 1, maximum: 5, step: 1, value: 2, render: false });
    const shout = vt.Checkbox({ label: "shout", value: false, render: false });
    const settings = vt.Accordion({ label: "Settings", open: false }, () => {
      vt.Row(() => {
        times.render();
        shout.render();
      });
    });
    const about = vt.Accordion({ label: "About", open: true }, () => {
      vt.Markdown("Accordions start open unless `open: false`.");
    });
    // Layouts are outputs too: a function opens, closes or hides them with an update.
    const showAbout = vt.Checkbox({ label: "show About", value: true });
    showAbout.change({ fn: (show: boolean) => vt.update({ visible: show }), inputs: [showAbout], outputs: [about], api_name: false });
    const out = vt.Textbox({ label: "result" });
    vt.Button({ value: "Repeat", variant: "primary" }).click({
      fn: (t: string, n: number, loud: boolean) => {
        const s = Array.from({ length: n }, () => t).join(" ");
        return loud ? s.toUpperCase() : s;
      },
      inputs: [text, times, shout],
      outputs: [out],
      api_name: "repeat",
    });
    settings.expand({ fn: (l: string) => `${l}expand `, inputs: [log], outputs: [log], api_name: false });
    settings.collapse({ fn: (l: string) => `${l}collapse `, inputs: [log], outputs: [log], api_name: false });
  });
}
