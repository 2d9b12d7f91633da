import * as vt from "vitrine";

/** What the demo reports of a Python script: its line count, length and the functions it defines. */
export function summarisePython(code: string | null): string {
  const text = code ?? "";
  const functions = [...text.matchAll(/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/gm)].map((m) => m[1]);
  const imports = [...text.matchAll(/^\s*(?:import|from)\s+([A-Za-z_][\w.]*)/gm)].map((m) => m[1]);
  return JSON.stringify({ lines: text === "" ? 0 : text.split("\n").length, characters: text.length, functions, imports }, null, 2);
}

const SAMPLE = `import math

def area(radius):
    """The area of a circle."""
    return math.pi * radius ** 2`;

/**
 * Code: a Python editor (CodeMirror 6, highlighted, with line numbers) as an input, and its
 * summary as read-only JSON as an output, refreshed on every change; the `input`, `focus` and
 * `blur` events of the editor write to a small log.
 */
export function code() {
  return vt.Blocks({ title: "Code" }, () => {
    vt.Markdown("# Code\nEdit the Python script: its summary (JSON, read-only) follows every change.");
    vt.Row(() => {
      const script = vt.Code({ label: "Python script", language: "python", value: SAMPLE, lines: 8, max_lines: 20, autocomplete: true });
      const summary = vt.Code({ label: "Summary", language: "json", lines: 6, interactive: false, value: summarisePython(SAMPLE) });
      script.change({ fn: summarisePython, inputs: [script], outputs: [summary], api_name: "summarise" });
      vt.Column(() => {
        const typed = vt.Textbox({ label: "Characters typed", interactive: false });
        const last = vt.Textbox({ label: "Last editor event", interactive: false });
        script.input({ fn: (text: string | null) => String((text ?? "").length), inputs: [script], outputs: [typed], api_name: false,
          trigger_mode: "always_last" });
        script.focus({ fn: () => "focus", outputs: [last], api_name: false });
        script.blur({ fn: () => "blur", outputs: [last], api_name: false });
      });
    });
    vt.Markdown("### Plain text, no line numbers, wrapped");
    vt.Code({ label: "Notes", value: "A Code block without a language shows plain text. ".repeat(6), show_line_numbers: false, wrap_lines: true, lines: 3 });
  });
}
