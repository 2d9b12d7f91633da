/**
 * Type tests for what used to need a workaround: several outputs returned as a plain array
 * literal (no `as const`), Interface examples typed from the inputs, and a misspelt option
 * named in the error. Checked by `tsc --noEmit` (pnpm typecheck); every `@ts-expect-error`
 * line must fail to type-check. The wording of the errors is checked in type-errors.test.ts.
 */
import * as vt from "vitrine";

vt.Blocks(() => {
  const msg = vt.Textbox({ label: "msg" });
  const log = vt.Textbox({ label: "log" });
  const count = vt.Number({ label: "count" });
  const op = vt.Radio({ choices: ["add", "subtract"] });
  const flag = vt.Checkbox();
  const button = vt.Button("Go");

  // Annotated parameters, several outputs: the array literal is the tuple, without `as const`.
  button.click({ fn: (text: string) => [text, text.length], inputs: [msg], outputs: [msg, count] });
  button.click({ fn: (text: string, n: number) => [text.repeat(n), n * 2], inputs: [msg, count], outputs: [log, count] });
  button.click({ fn: (text: string, on: boolean, ctx: vt.EventContext) => [text, on ? ctx.session.hash.length : 0], inputs: [msg, flag], outputs: [log, count] });
  // The chat pattern: clear the box, append to the log.
  msg.submit({ fn: (m: string, l: string) => ["", l + m], inputs: [msg, log], outputs: [msg, log] });
  // Every return of a function body, and both arms of a conditional.
  button.click({
    fn: (text: string) => {
      if (!text) return ["(empty)", 0];
      return text.length > 3 ? [text, text.length] : [text.toUpperCase(), -1];
    },
    inputs: [msg],
    outputs: [log, count],
  });
  // Async functions, generators and async generators alike.
  button.click({ fn: async (text: string) => [text, text.length], inputs: [msg], outputs: [msg, count] });
  button.click({
    fn: async (text: string) => {
      await Promise.resolve();
      return [text, text.length];
    },
    inputs: [msg],
    outputs: [msg, count],
  });
  button.click({
    fn: function* (text: string) {
      yield [text, 0];
      return [`${text}!`, 1];
    },
    inputs: [msg],
    outputs: [log, count],
  });
  button.click({
    fn: async function* (text: string) {
      for (let i = 0; i < 3; i++) yield [text.slice(0, i), i];
    },
    inputs: [msg],
    outputs: [log, count],
  });
  // Updates sit in the tuple like values.
  button.click({ fn: (text: string) => [text, vt.update({ visible: text.length > 0 })], inputs: [msg], outputs: [log, count] });
  // String literals stay literal, so a Radio output takes one of its choices, alone or in a tuple.
  button.click({ fn: (n: number) => (n > 0 ? "add" : "subtract"), inputs: [count], outputs: op });
  button.click({ fn: (n: number) => ["add", n], inputs: [count], outputs: [op, count] });
  // vt.on, chains and app.load type their functions the same way.
  vt.on([msg.submit, button.click], { fn: (text: string) => [text, text.length], inputs: [msg], outputs: [log, count] });
  button.click({ fn: () => "x", outputs: log }).then({ fn: (l: string) => [l, l.length], inputs: [log], outputs: [log, count] });
  // Batch functions: one list per output, annotated or not.
  button.click({ fn: (texts: string[], ns: number[]) => [texts, ns], inputs: [msg, count], outputs: [log, count], batch: true });
  // Unannotated functions keep working; `as const` and declared return types too.
  button.click({ fn: (text, n) => [text, n], inputs: [msg, count], outputs: [log, count] });
  button.click({ fn: (text: string) => [text, text.length] as const, inputs: [msg], outputs: [log, count] });
  button.click({ fn: (text: string): [string, number] => [text, text.length], inputs: [msg], outputs: [log, count] });
  // A function declared apart returns a list unless it says tuple: `as const` does.
  function split(text: string) {
    return [text, text.length] as const;
  }
  button.click({ fn: split, inputs: [msg], outputs: [log, count] });
  // No outputs: whatever the function returns is ignored.
  button.click({ fn: (text: string) => text.length, inputs: [msg] });
  button.click({ fn: async (text: string) => [text, 1], inputs: [msg] });
  // A parameter after the context receives undefined: it may be declared optional.
  button.click({ fn: (text: string, _ctx: vt.EventContext, extra?: string) => text + (extra ?? ""), inputs: [msg], outputs: log });

  // @ts-expect-error the values are in the wrong order for [Textbox, Number]
  button.click({ fn: (text: string) => [text.length, text], inputs: [msg], outputs: [log, count] });
  // @ts-expect-error the same, resolved by an async function
  button.click({ fn: async (text: string) => [text.length, text], inputs: [msg], outputs: [log, count] });
  // @ts-expect-error the same, yielded by a generator
  button.click({ fn: function* (text: string) { yield [text.length, text]; }, inputs: [msg], outputs: [log, count] });
  // @ts-expect-error one value for two outputs
  button.click({ fn: (text: string) => [text], inputs: [msg], outputs: [log, count] });
  // @ts-expect-error three values for two outputs
  button.click({ fn: (text: string) => [text, 1, 2], inputs: [msg], outputs: [log, count] });
  // @ts-expect-error an update's value must fit its output, inside a tuple too
  button.click({ fn: (text: string) => [text, vt.update({ value: text })], inputs: [msg], outputs: [log, count] });
  // @ts-expect-error "divide" is not one of the Radio's choices
  button.click({ fn: (n: number) => ["divide", n], inputs: [count], outputs: [op, count] });
  // @ts-expect-error a list held in a variable is not a tuple (the error names Return_a_tuple_with_as_const)
  button.click({ fn: (text: string) => { const both = [text, text.length]; return both; }, inputs: [msg], outputs: [log, count] });
  function pair(text: string) {
    return [text, text.length];
  }
  // @ts-expect-error a function declared apart returns a list: it needs `as const`
  button.click({ fn: pair, inputs: [msg], outputs: [log, count] });
  // @ts-expect-error a required parameter after the context would receive undefined
  button.click({ fn: (text: string, _ctx: vt.EventContext, extra: string) => text + extra, inputs: [msg], outputs: log });
  // @ts-expect-error with no inputs, the first parameter is the context
  button.click({ fn: (text: string) => [text, 1], outputs: [log, count] });
});

// Interface: the same tuples, from components and shortcuts.
new vt.Interface({ fn: (text: string) => [text, text.length], inputs: "text", outputs: ["text", "number"] });
new vt.Interface({ fn: (a: string, b: number) => [a.repeat(b), b], inputs: [vt.Textbox(), "number"], outputs: [vt.Textbox(), vt.Number()] });
new vt.Interface({ fn: async (text: string) => [text, text.length], inputs: "text", outputs: ["text", "number"] });
new vt.Interface({
  fn: async function* (text: string) {
    yield [text, 0];
  },
  inputs: "text",
  outputs: ["text", "number"],
});
// @ts-expect-error the Interface's outputs are [Textbox, Number]: the values are swapped
new vt.Interface({ fn: (text: string) => [text.length, text], inputs: "text", outputs: ["text", "number"] });

// Interface examples: each row is what the inputs' components take, in order.
const greet = (name: string, times: number) => name.repeat(times);
new vt.Interface({ fn: greet, inputs: [vt.Textbox(), vt.Number()], outputs: "text", examples: [["a", 1], ["b", 2]] });
new vt.Interface({ fn: greet, inputs: [vt.Textbox(), vt.Number()], outputs: "text", examples: [["a", null]] });
new vt.Interface({ fn: greet, inputs: ["text", "number"], outputs: "text", examples: [["a", 1]] });
// @ts-expect-error a Number takes a number, not "a"
new vt.Interface({ fn: greet, inputs: [vt.Textbox(), vt.Number()], outputs: "text", examples: [[1, "a"]] });
// @ts-expect-error one value per input
new vt.Interface({ fn: greet, inputs: [vt.Textbox(), vt.Number()], outputs: "text", examples: [["a"]] });
// @ts-expect-error with several inputs, a row is a list
new vt.Interface({ fn: greet, inputs: [vt.Textbox(), vt.Number()], outputs: "text", examples: ["a"] });
// With one input, a bare value per row, or a one-element row.
new vt.Interface({ fn: (name: string) => name, inputs: vt.Textbox(), outputs: "text", examples: ["Ada", "Grace", ["Linus"]] });
new vt.Interface({ fn: (n: number) => n, inputs: ["number"], outputs: "number", examples: [1, [2]] });
// @ts-expect-error a Number's example is a number
new vt.Interface({ fn: (n: number) => n, inputs: "number", outputs: "number", examples: ["one"] });
// @ts-expect-error a Checkbox's example is a boolean
new vt.Interface({ fn: (b: boolean) => b, inputs: vt.Checkbox(), outputs: "checkbox", examples: [[1]] });

// A misspelt option: the error names it (and suggests the right one), not the function.
const shout = (text: string) => text.toUpperCase();
// @ts-expect-error `input` is not an option: it is `inputs`
new vt.Interface({ fn: shout, input: "text", outputs: "text" });
// @ts-expect-error `output` is not an option: it is `outputs`
new vt.Interface({ fn: shout, inputs: "text", output: "text" });
// @ts-expect-error `inputs` is required
new vt.Interface({ fn: shout, outputs: "text" });
// @ts-expect-error `example` is not an option: it is `examples`
new vt.Interface({ fn: shout, inputs: "text", outputs: "text", example: ["a"] });
vt.Blocks(() => {
  const a = vt.Textbox();
  // @ts-expect-error `output` is not an option: it is `outputs`
  a.submit({ fn: () => "x", output: a });
  // @ts-expect-error `trigger` is not an option: it is `trigger_mode`
  a.change({ fn: (s: string) => s, inputs: a, outputs: a, trigger: "once" });
});
