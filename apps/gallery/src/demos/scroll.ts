import * as vt from "vitrine";

/** `scroll_to_output`: the page scrolls to the output, far below the button, when the event completes. */
export function scroll() {
  return vt.Blocks({ title: "Scroll to output" }, () => {
    vt.Markdown("# Scroll to output\nThe answer appears far below; the page scrolls to it.");
    const question = vt.Textbox({ label: "question", value: "Where is the answer?" });
    const button = vt.Button({ value: "Answer", variant: "primary" });
    vt.Markdown(Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of filler text.`).join("\n\n"));
    const answer = vt.Textbox({ label: "answer" });
    button.click({
      fn: (q: string) => `Down here, in answer to: ${q}`,
      inputs: [question],
      outputs: [answer],
      scroll_to_output: true,
      api_name: "answer",
    });
  });
}
