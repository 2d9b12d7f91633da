import * as vt from "vitrine";

/** Tabs: three tabs (one disabled, one chosen at load), and the events a tab switch fires. */
export function tabs() {
  return vt.Blocks({ title: "Tabs" }, () => {
    vt.Markdown("# Tabs\nPick a tab: `select` reports which, `change` counts switches.");
    const picked = vt.Textbox({ label: "selected tab", interactive: false });
    const switches = vt.Number({ label: "switches", value: 0, interactive: false });
    const tabs = vt.Tabs({ selected: "text" }, () => {
      const text = vt.Tab({ label: "Text", id: "text" }, () => {
        const input = vt.Textbox({ label: "text to reverse", value: "stressed" });
        const reversed = vt.Textbox({ label: "reversed" });
        vt.Button({ value: "Reverse", variant: "primary" }).click({
          fn: (t: string) => [...t].reverse().join(""),
          inputs: [input],
          outputs: [reversed],
          api_name: "reverse",
        });
      });
      vt.Tab({ label: "Numbers", id: "numbers" }, () => {
        const [a, b] = vt.Row(() => [vt.Number({ label: "a", value: 2 }), vt.Number({ label: "b", value: 3 })]);
        const sum = vt.Number({ label: "a + b" });
        vt.Button("Add").click({ fn: (x: number, y: number) => x + y, inputs: [a, b], outputs: [sum], api_name: "add" });
      });
      vt.Tab({ label: "Locked", id: "locked", interactive: false }, () => {
        vt.Markdown("You cannot open this tab.");
      });
      text.select({ fn: () => "Text (its own select listener)", outputs: [picked], api_name: false });
    });
    tabs.select({
      fn: (ctx: vt.EventContext) => {
        const data = ctx.event.data as { value?: string } | null;
        return `${data?.value ?? "?"}`;
      },
      outputs: [picked],
      api_name: false,
    });
    tabs.change({ fn: (n: number) => n + 1, inputs: [switches], outputs: [switches], api_name: false });
    // A layout is an output too: an update of its props switches the tab from the server.
    vt.Button("Go to Numbers").click({ fn: () => vt.update({ selected: "numbers" }), outputs: [tabs], api_name: false });
  });
}
