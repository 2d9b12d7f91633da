import * as vt from "vitrine";

/** Rows, Columns and Groups: variants, scale, min_width, equal_height, and a Group's joined borders. */
export function layouts() {
  return vt.Blocks({ title: "Layouts" }, () => {
    vt.Markdown("# Rows, Columns and Groups\nNarrow the window: rows wrap, and on a phone every layout stacks.");
    vt.Row({ variant: "panel" }, () => {
      vt.Column({ scale: 2, min_width: 240 }, () => {
        vt.Markdown("**Column, scale 2** — twice as wide as its neighbour.");
        vt.Textbox({ label: "first name", value: "Ada" });
      });
      vt.Column({ scale: 1, min_width: 160 }, () => {
        vt.Markdown("**Column, scale 1**");
        vt.Number({ label: "age", value: 36 });
      });
    });
    vt.Row({ equal_height: false }, () => {
      vt.Textbox({ label: "short" });
      vt.Textbox({ label: "tall (equal_height: false keeps its neighbour short)", lines: 6 });
    });
    vt.Markdown("**Group** — children joined inside one border:");
    const [first, last] = vt.Group(() => [vt.Textbox({ label: "first" , value: "Grace" }), vt.Textbox({ label: "last", value: "Hopper" })]);
    const full = vt.Textbox({ label: "full name" });
    vt.Row({ variant: "compact" }, () => {
      vt.Button({ value: "Join", variant: "primary" }).click({
        fn: (a: string, b: string) => `${a} ${b}`,
        inputs: [first, last],
        outputs: [full],
        api_name: "join",
      });
      vt.Button({ value: "Clear", variant: "secondary" }).click({ fn: () => "", outputs: [full], api_name: false });
    });
  });
}
