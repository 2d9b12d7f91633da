/**
 * Type tests, checked by `tsc --noEmit` (pnpm typecheck): event functions are typed from
 * their components, and a mismatch does not compile. Every `@ts-expect-error` line must
 * fail to type-check, or tsc reports the directive as unused.
 */
import * as vt from "vitrine";

vt.Blocks(() => {
  const name = vt.Textbox({ label: "name" });
  const count = vt.Number({ label: "count" });
  const op = vt.Radio({ choices: ["add", "subtract"] });
  const flag = vt.Checkbox();
  const out = vt.Textbox();
  const total = vt.Number();
  const button = vt.Button("Go");

  // Parameters follow the inputs; one output means a bare return value.
  button.click({ fn: (n: string, c: number) => n.repeat(c), inputs: [name, count], outputs: [out] });
  button.click({ fn: (n) => n.toUpperCase(), inputs: [name], outputs: out });
  // Radio choices narrow the parameter to a union of literals.
  button.click({
    fn: (o, a, b) => {
      const chosen: "add" | "subtract" = o;
      return chosen === "add" ? a + b : a - b;
    },
    inputs: [op, count, total],
    outputs: [total],
  });
  // Several outputs mean a tuple; async functions and generators work too.
  button.click({ fn: async (n: string, f: boolean) => [n, f ? 1 : 0] as [string, number], inputs: [name, flag], outputs: [out, total] });
  button.click({ fn: function* (n: string) { yield n; yield `${n}!`; }, inputs: [name], outputs: [out] });
  button.click({ fn: async function* (c: number) { yield c; }, inputs: [count], outputs: [total] });
  // The event context is the last argument.
  button.click({ fn: (n: string, ctx: vt.EventContext) => `${n}${ctx.session.hash}`, inputs: [name], outputs: [out] });
  // No outputs: the function returns nothing.
  button.click({ fn: (n: string) => void n, inputs: [name] });

  // Tuples are inferred from contextually typed functions, plain and batch alike; `as const` works too.
  button.click({ fn: (n, f) => [n, f ? 1 : 0], inputs: [name, flag], outputs: [out, total] });
  button.click({ fn: (names, counts) => [names, counts], inputs: [name, count], outputs: [out, total], batch: true });
  button.click({ fn: (n: string, f: boolean) => [n, f ? 1 : 0] as const, inputs: [name, flag], outputs: [out, total] });
  // An output can be updated instead of set.
  button.click({ fn: (n: string) => vt.update({ visible: n.length > 0, value: n }), inputs: [name], outputs: [out] });
  button.click({ fn: () => vt.update({ visible: false }), outputs: [total] });
  // Batch functions take one list per input and return one list per output.
  button.click({ fn: (names, counts) => [names.map((n, i) => n.repeat(counts[i]!))], inputs: [name, count], outputs: [out], batch: true, max_batch_size: 8 });
  // One function, several triggers.
  vt.on([name.submit, button.click], { fn: (n: string) => n, inputs: [name], outputs: [out] });
  // @ts-expect-error a batch function returns lists, not single values
  button.click({ fn: (names: string[]) => [names[0]!], inputs: [name], outputs: [total], batch: true });
  // @ts-expect-error an update's value must fit the output
  button.click({ fn: (n: string) => vt.update({ value: n }), inputs: [name], outputs: [total] });
  // @ts-expect-error a Textbox gives a string, not a number
  button.click({ fn: (n: number) => String(n), inputs: [name], outputs: [out] });
  // @ts-expect-error a Number output wants a number back, not a string
  button.click({ fn: (c: number) => `${c}`, inputs: [count], outputs: [total] });
  // @ts-expect-error more parameters than inputs: the extra one would be the context
  button.click({ fn: (n: string, c: number) => n + c, inputs: [name], outputs: [out] });
  // @ts-expect-error two outputs need a tuple, not a single value
  button.click({ fn: (n: string) => n, inputs: [name], outputs: [out, total] });
  // @ts-expect-error "divide" is not one of the Radio's choices
  button.click({ fn: (o) => (o === "divide" ? 1 : 0), inputs: [op], outputs: [total] });
  // @ts-expect-error a generator must yield what the output takes
  button.click({ fn: function* (n: string) { yield n.length > 0; }, inputs: [name], outputs: [out] });

  // A Timer ticks; its period is a number in and out, and an update pauses it.
  const timer = vt.Timer(0.5, { active: true });
  timer.tick({ fn: (c: number) => c + 1, inputs: [count], outputs: [count], show_progress: "hidden" });
  button.click({ fn: (seconds: number) => vt.update({ value: seconds * 2, active: false }), inputs: [timer], outputs: [timer] });
  // Event options: chains, cancels, js (a string, or a function sent as its source), every.
  const run = button.click({ fn: (n: string) => n, inputs: [name], outputs: [out], trigger_mode: "always_last", every: 2 });
  run.success({ fn: null, js: "(o) => o.trim()", inputs: [out], outputs: [out] }).then({ fn: null, cancels: [run] });
  run.failure({ fn: () => "failed", outputs: [out], js: (n: string) => n.trim(), scroll_to_output: true, queue: false });
  // @ts-expect-error every is a number of seconds
  button.click({ fn: () => "x", outputs: [out], every: "1s" });
  // @ts-expect-error show_progress is full, minimal or hidden
  button.click({ fn: () => "x", outputs: [out], show_progress: "spinner" });
  // @ts-expect-error a Timer's period is a number, not a string
  timer.tick({ fn: (seconds: string) => seconds, inputs: [timer], outputs: [out] });
});

// Interface: components and string shortcuts type the function the same way.
new vt.Interface({ fn: (name: string) => `Hello ${name}`, inputs: "text", outputs: "text" });
new vt.Interface({ fn: (a: number, b: number) => a * b, inputs: [vt.Number(), "number"], outputs: vt.Number() });
new vt.Interface({
  fn: (a: number, b: boolean) => [String(a), b] as [string, boolean],
  inputs: ["slider", vt.Checkbox()],
  outputs: ["text", "checkbox"],
});
// @ts-expect-error the "text" shortcut gives a string
new vt.Interface({ fn: (name: number) => name, inputs: "text", outputs: "number" });
// @ts-expect-error the "number" output needs a number
new vt.Interface({ fn: (name: string) => name, inputs: "text", outputs: "number" });
