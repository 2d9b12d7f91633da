import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Blocks } from "@vitrine/core";
import { Code, CodeComponent } from "./process.js";
import { codeLanguages, downloadName, isCodeLanguage } from "./languages.js";

describe("Code", () => {
  it("passes the code to the function as is, and null for no value", () => {
    const code = Code({ language: "python" });
    expect(code.preprocess("def fn(a):\n  return a\n")).toBe("def fn(a):\n  return a\n");
    expect(code.preprocess(null)).toBeNull();
    expect(() => code.preprocess(42 as unknown as string)).toThrow("Code expects a string, got number");
  });

  it("shows returned code without its surrounding blank space, as Gradio", () => {
    const code = Code();
    expect(code.postprocess("\n    def fn(a):\n        return a\n    ")).toBe("def fn(a):\n        return a");
    expect(code.postprocess(null)).toBeNull();
    expect(() => code.postprocess(3 as unknown as string)).toThrow("Code expects a string or [path], got number");
  });

  it("shows the text of a file returned as [path] (Gradio's one-element tuple)", () => {
    const dir = mkdtempSync(join(tmpdir(), "vt-code-"));
    const file = join(dir, "script.py");
    const source = "  import math\nprint(math.pi)  \n";
    writeFileSync(file, source);
    // Gradio reads the file as it is: no trimming.
    expect(Code().postprocess([file])).toBe(source);
    expect(() => Code().postprocess([join(dir, "missing.py")])).toThrow(/could not read the file .*missing\.py/);
    expect(() => Code().postprocess([file, file] as unknown as [string])).toThrow("a file is returned as [path]");
  });

  it("refuses a language Gradio does not list, and bad line counts", () => {
    expect(() => Code({ language: "cobol" as "python" })).toThrow(/language "cobol" is not supported; use one of python, c, cpp/);
    expect(() => Code({ lines: 0 })).toThrow("lines must be a whole number of lines, 1 or more; got 0");
    expect(() => Code({ max_lines: 2.5 })).toThrow("max_lines must be a whole number");
    expect(() => Code({ buttons: ["share" as "copy"] })).toThrow('buttons holds "copy" and "download" only');
  });

  it("lists Gradio's languages", () => {
    for (const name of ["python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2", "typescript",
      "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-pgSQL", "sql-esper"]) {
      expect(isCodeLanguage(name)).toBe(true);
      expect(() => Code({ language: name as "python" })).not.toThrow();
    }
    expect(codeLanguages).toHaveLength(28);
    expect(isCodeLanguage("toString")).toBe(false);
    expect(downloadName("python")).toBe("file.py");
    expect(downloadName(null)).toBe("file.txt");
  });

  it("puts its props in the config with Gradio's defaults", () => {
    const app = Blocks(() => {
      Code({ label: "Script", value: "  x = 1  " });
      Code({ language: "json", lines: 3, max_lines: 10, wrap_lines: true, show_line_numbers: false, autocomplete: true, buttons: [], interactive: false });
    });
    const [plain, custom] = app.config().components.filter((c) => c.type === "code");
    expect(plain).toMatchObject({
      type: "code",
      props: { label: "Script", language: null, lines: 5, max_lines: null, wrap_lines: false, show_line_numbers: true,
        autocomplete: false, buttons: ["copy", "download"], value: "x = 1", name: "code" },
      api_info: { type: "string" },
      example_inputs: "print('Hello World')",
    });
    expect(custom).toMatchObject({
      props: { language: "json", lines: 3, max_lines: 10, wrap_lines: true, show_line_numbers: false, autocomplete: true, buttons: [], interactive: false },
    });
  });

  it("describes its API as a string and declares Gradio's events", () => {
    const code = Code();
    expect(code.api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
    expect(code.exampleInput()).toBe("print('Hello World')");
    expect(CodeComponent.events).toEqual(["change", "input", "focus", "blur"]);
    expect(code.processExample("  a = 1\n")).toBe("a = 1");
  });
});
