import * as vt from "vitrine";

/** Messages a function shows while it runs: `vt.Info`, `vt.Warning`, and `vt.Error` to fail. */
export function toasts() {
  return vt.Blocks({ title: "Toasts" }, () => {
    vt.Markdown("# Toasts\n`vt.Info` and `vt.Warning` show a message and let the function go on; `vt.Error` stops it.");
    const message = vt.Textbox({ label: "message", value: "Something to say" });
    const result = vt.Textbox({ label: "result" });
    vt.Row(() => {
      vt.Button("Info").click({
        fn: (text: string) => {
          vt.Info(text);
          return "info sent";
        },
        inputs: [message],
        outputs: [result],
        api_name: "info",
      });
      vt.Button("Warning").click({
        fn: (text: string) => {
          vt.Warning(text, { title: "Careful" });
          return "warning sent";
        },
        inputs: [message],
        outputs: [result],
        api_name: "warning",
      });
      vt.Button({ value: "Error", variant: "stop" }).click({
        fn: (text: string): string => {
          throw new vt.Error(text, { duration: null });
        },
        inputs: [message],
        outputs: [result],
        api_name: "error",
      });
    });
  });
}
