import * as vt from "vitrine";

/** Series: each Interface's output is the next one's input (a number becomes text on the way). */
export function series() {
  const count = new vt.Interface({ fn: (text: string) => text.trim().split(/\s+/).filter(Boolean).length, inputs: "textbox", outputs: "number" });
  const describe = new vt.Interface({
    fn: (n: string) => `${n} word${n === "1" ? "" : "s"}`,
    inputs: "textbox",
    outputs: vt.Textbox({ label: "summary" }),
  });
  const shout = new vt.Interface({ fn: (s: string) => `${s.toUpperCase()}!`, inputs: "textbox", outputs: vt.Textbox({ label: "summary" }) });
  return new vt.Series(count, describe, shout, { title: "Series", description: "Counts the words, describes the count, then shouts it." });
}
