import * as vt from "vitrine";

/** TabbedInterface: two Interfaces, one per tab, each with its own endpoint (/greet, /square). */
export function tabbed() {
  const greet = new vt.Interface({
    fn: (name: string, greeting: string) => `${greeting}, ${name}!`,
    inputs: [vt.Textbox({ label: "name" }), vt.Textbox({ label: "greeting", value: "Hello" })],
    outputs: vt.Textbox({ label: "message" }),
    api_name: "greet",
    description: "The greeting has a default (`Hello`): an API client may leave it out.",
  });
  const square = new vt.Interface({
    fn: (x: number) => x * x,
    inputs: vt.Number({ label: "x", value: 3 }),
    outputs: vt.Number({ label: "x²" }),
    api_name: "square",
    description: "Computes $x^2$.",
    examples: [[4], [12]],
  });
  return new vt.TabbedInterface([greet, square], ["Greet", "Square"], { title: "Tabbed Interface" });
}
