/**
 * Type tests for layouts, `vt.render` and themes (checked by `tsc --noEmit`): builders return
 * their callback's result, render functions are typed from their inputs.
 */
import * as vt from "vitrine";

vt.Blocks(() => {
  const [a, b] = vt.Row(() => [vt.Number({ label: "a" }), vt.Textbox({ label: "b" })] as const);
  const n: number = a.preprocess(1);
  const s: string = b.preprocess("x");
  void [n, s];
  // A callback that returns nothing gives the layout block, with its listeners.
  const tabs: vt.TabsBlock = vt.Tabs({ selected: "x" }, () => {
    vt.Tab({ label: "X", id: "x" }, () => {});
  });
  tabs.select({ fn: (ctx: vt.EventContext) => String(ctx.event.data), outputs: b });
  const acc: vt.AccordionBlock = vt.Accordion({ label: "More", open: false }, () => {});
  acc.expand({ fn: () => 1, outputs: a });
  const side: vt.SidebarBlock = vt.Sidebar({ position: "right" });
  side.collapse({ fn: () => "closed", outputs: [b] });
  vt.Group(() => {});

  vt.render({ inputs: [b, a] }, (text, count) => {
    const t: string = text;
    const c: number = count;
    for (let i = 0; i < c; i++) vt.Button(t);
  });
  vt.render(() => {
    vt.Markdown("static");
  });
  // @ts-expect-error a Textbox gives a string to the render function
  vt.render({ inputs: [b] }, (text: number) => void text);
  // @ts-expect-error Sidebar's position is left or right
  vt.Sidebar({ position: "top" });
});

vt.Blocks({ theme: vt.themes.Soft().set({ body_background_fill: "*neutral_50" }), css: "", js: "() => 1", head: "", fill_height: true, fill_width: true }, () => {});
vt.Blocks({ theme: "ocean" }, () => {});

// Layouts are outputs: a function returns updates of their props, never a value.
vt.Blocks(() => {
  const col = vt.Column(() => {});
  const tabs = vt.Tabs(() => {});
  const box = vt.Textbox();
  box.change({ fn: (t: string) => vt.update({ visible: t.length > 0 }), inputs: [box], outputs: [col] });
  box.change({ fn: () => [vt.update({ selected: 1 }), "x"], outputs: [tabs, box] });
  // @ts-expect-error a layout takes an update, not a value
  box.change({ fn: () => "shown", outputs: [col] });
});
