import * as vt from "vitrine";

/** Interface: two numbers and an operation; dividing by zero is a `vt.Error`. */
export function calculator() {
  return new vt.Interface({
    fn: (a: number, operation: "add" | "subtract" | "multiply" | "divide", b: number) => {
      switch (operation) {
        case "add":
          return a + b;
        case "subtract":
          return a - b;
        case "multiply":
          return a * b;
        case "divide":
          if (b === 0) throw new vt.Error("Cannot divide by zero!");
          return a / b;
      }
    },
    inputs: [
      vt.Number({ label: "a" }),
      vt.Radio({ choices: ["add", "subtract", "multiply", "divide"], label: "operation", value: "add" }),
      vt.Number({ label: "b" }),
    ],
    outputs: vt.Number({ label: "result" }),
    title: "Calculator",
    examples: [
      [45, "add", 3],
      [3.14, "divide", 2],
      [144, "multiply", 2.5],
      [0, "subtract", 1.2],
    ],
  });
}
