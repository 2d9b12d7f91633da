import * as vt from "vitrine";

const demo = new vt.Interface({
  fn: (name: string, times: number) => `Hello ${name}! `.repeat(times),
  inputs: [vt.Textbox({ label: "name" }), vt.Slider({ minimum: 1, maximum: 5, step: 1, value: 2 })],
  outputs: vt.Textbox({ label: "greeting" }),
  examples: [["Ada", 2], ["Grace", 3]],
});
await demo.launch(); // * Running on local URL:  http://127.0.0.1:7860/
