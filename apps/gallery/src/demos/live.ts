import * as vt from "vitrine";

/** A live Interface: the outputs follow every keystroke, with no Submit button. */
export function live() {
  return new vt.Interface({
    fn: (text: string) => [[...text].reverse().join(""), [...text].length] as const,
    inputs: vt.Textbox({ label: "text", placeholder: "Type here", value: "stressed" }),
    outputs: [vt.Textbox({ label: "reversed" }), vt.Number({ label: "length" })],
    live: true,
    title: "Live",
    description: "The outputs follow every keystroke (no Submit button). For a string $s$ of length $n$, the reverse is $s_n s_{n-1} \\cdots s_1$.",
    article: "Each run collapses the keystrokes typed meanwhile into one, with the latest text:\n\n$$\\text{runs} \\le \\text{keystrokes}$$",
    examples: ["racecar", "Vitrine"],
  });
}
