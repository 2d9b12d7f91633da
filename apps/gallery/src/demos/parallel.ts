import * as vt from "vitrine";

/** Parallel: two Interfaces given the same input, their outputs side by side. */
export function parallel() {
  const formal = new vt.Interface({ fn: (name: string) => `Good day, ${name}.`, inputs: "textbox", outputs: vt.Textbox({ label: "formal" }) });
  const casual = new vt.Interface({ fn: (name: string) => `Hey ${name}!`, inputs: "textbox", outputs: vt.Textbox({ label: "casual" }) });
  return new vt.Parallel(formal, casual, { title: "Parallel", description: "One name, two greeters.", examples: ["Ada", "Grace"] });
}
