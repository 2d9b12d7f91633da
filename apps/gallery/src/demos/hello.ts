import * as vt from "vitrine";

/** Interface: a name in, a greeting out. */
export function hello() {
  return new vt.Interface({
    fn: (name: string) => `Hello, ${name}!`,
    inputs: vt.Textbox({ label: "name", placeholder: "Your name" }),
    outputs: vt.Textbox({ label: "greeting" }),
    title: "Hello",
    description: "Type a name and press **Submit**.",
    examples: [["Ada"], ["Grace"]],
  });
}
