/**
 * Type tests of the Interface family (checked by `tsc --noEmit`): live and batch Interfaces,
 * the composites, and apps loaded from other servers. Every `@ts-expect-error` line must fail.
 */
import * as vt from "vitrine";

// live: the same function, typed from the components.
new vt.Interface({ fn: (text: string) => text.length, inputs: "text", outputs: "number", live: true });
// Buttons: a label, or false for none.
new vt.Interface({ fn: (text: string) => text, inputs: "text", outputs: "text", submit_btn: false, clear_btn: "Reset", stop_btn: false });
// @ts-expect-error a button is a label or false, not true
new vt.Interface({ fn: (text: string) => text, inputs: "text", outputs: "text", submit_btn: true });

// batch: one list per input in, one list per output out (a tuple, even for one output).
new vt.Interface({
  fn: (names, times) => {
    const n: string[] = names;
    const t: number[] = times;
    return [n.map((x, i) => x.repeat(t[i] ?? 1))];
  },
  inputs: ["text", "number"],
  outputs: "text",
  batch: true,
  max_batch_size: 16,
});
new vt.Interface({ fn: async (names: string[]) => [names, names.map((n) => n.length)], inputs: "text", outputs: ["text", "number"], batch: true });
// @ts-expect-error a batch function takes lists, not single values
new vt.Interface({ fn: (name: string) => [[name]], inputs: "text", outputs: "text", batch: true });
// @ts-expect-error a batch function returns one list per output, not a bare list
new vt.Interface({ fn: (names: string[]) => names, inputs: "text", outputs: "text", batch: true });
// @ts-expect-error without batch, the function takes single values
new vt.Interface({ fn: (names: string[]) => names[0]!, inputs: "text", outputs: "text" });

// Page options.
new vt.Interface({ fn: (t: string) => t, inputs: "text", outputs: "text", theme: vt.themes.Soft(), css: "", js: "() => {}", head: "", fill_height: true, fill_width: false });

// The composites take Interfaces (and options last).
const hello = new vt.Interface({ fn: (name: string) => `Hello ${name}`, inputs: "text", outputs: "text" });
const bye = new vt.Interface({ fn: (name: string) => `Bye ${name}`, inputs: "text", outputs: "text" });
const tabbed: vt.App = new vt.TabbedInterface([hello, bye], ["Hello", "Bye"], { title: "Greetings", theme: "soft" });
new vt.TabbedInterface([hello, new vt.TabbedInterface([bye])]);
const parallel: vt.Interface = new vt.Parallel(hello, bye);
new vt.Parallel(hello, bye, { title: "Both", live: true });
const series: vt.Interface = new vt.Series(hello, bye, { api_name: "greet" });
void [tabbed, parallel, series];
// @ts-expect-error a TabbedInterface shows Interfaces, not Blocks apps
new vt.TabbedInterface([vt.Blocks(() => undefined)]);
// @ts-expect-error Series takes no function of its own
new vt.Series(hello, bye, { fn: () => "x" });
// Interfaces render inside other apps.
vt.Blocks(() => {
  vt.Tab({ label: "Hello" }, () => hello.render());
});

// Loaded apps: endpoints become functions, usable as event functions.
async function useLoaded() {
  const remote: vt.LoadedApp = await vt.load("http://127.0.0.1:7861/", { api_name: "/predict", title: "Remote", live: true });
  const greeting: unknown = await remote.fn("/predict")("Ada");
  const composite = new vt.TabbedInterface([remote, hello]);
  vt.Blocks(() => {
    const name = vt.Textbox();
    const out = vt.Textbox();
    name.submit({ fn: remote.fn(), inputs: [name], outputs: [out] });
  });
  await remote.close();
  return [greeting, composite];
}
void useLoaded;
// @ts-expect-error load takes a URL
void vt.load(7861);
