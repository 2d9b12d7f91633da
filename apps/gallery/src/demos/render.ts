import * as vt from "vitrine";

/**
 * `vt.render`: regions rebuilt from inputs. One button per word of a sentence (each with its
 * own listener), and a number of keyed text boxes that keep what was typed across rebuilds.
 */
export function render() {
  return vt.Blocks({ title: "Render" }, () => {
    vt.Markdown("# vt.render\nType words: a button appears for each. Click one to shout it.");
    const words = vt.Textbox({ label: "words", value: "hello vitrine world" });
    const shouted = vt.Textbox({ label: "clicked", interactive: false });
    vt.render({ inputs: [words] }, (text: string) => {
      const list = text.split(/\s+/).filter(Boolean);
      if (list.length === 0) {
        vt.Markdown("*No words yet.*");
        return;
      }
      vt.Row(() => {
        for (const word of list) {
          vt.Button({ value: word, variant: "secondary" }).click({ fn: () => `${word.toUpperCase()}!`, outputs: [shouted] });
        }
      });
    });

    vt.Markdown("## Boxes\nChange the count: the boxes are rebuilt, and keep what you typed (they have keys).");
    const count = vt.Slider({ label: "boxes", minimum: 0, maximum: 6, step: 1, value: 2 });
    const joined = vt.Textbox({ label: "joined", interactive: false });
    vt.render({ inputs: [count] }, (n: number) => {
      const boxes = Array.from({ length: n }, (_, i) => vt.Textbox({ label: `box ${i + 1}`, key: `box-${i}` }));
      if (boxes.length > 0) {
        vt.Button("Join boxes").click({ fn: (...values: unknown[]) => values.slice(0, n).join(" + "), inputs: boxes, outputs: [joined] });
      }
    });
  });
}
