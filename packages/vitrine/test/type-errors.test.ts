/**
 * The wording of compile errors users meet, checked by compiling snippets against the package's
 * own tsconfig: `@ts-expect-error` in the `*.test-d.ts` files says that something fails, this
 * says that the message points at the right thing.
 */
import { describe, expect, it } from "@jest/globals";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));

/** Compiles `snippets` (one per line, after `import * as vt`), returning each one's error messages. */
function errorsOf(snippets: readonly string[]): string[][] {
  const config = ts.getParsedCommandLineOfConfigFile(join(here, "..", "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  const file = join(here, "__snippets__.ts").replaceAll("\\", "/");
  const source = ['import * as vt from "vitrine";', ...snippets].join("\n");
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists } = host;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest);
  const program = ts.createProgram([file], config.options, host);
  const sourceFile = program.getSourceFile(file)!;
  const errors = snippets.map((): string[] => []);
  for (const d of ts.getPreEmitDiagnostics(program, sourceFile)) {
    const line = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0).line;
    errors[line - 1]?.push(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }
  return errors;
}

describe("compile errors", () => {
  it("name a misspelt option, not the function, and for the rest point at what to write", () => {
    const [input, output, listener, list, fine] = errorsOf([
      'new vt.Interface({ fn: (text: string) => text, input: "text", outputs: "text" });',
      'new vt.Interface({ fn: (text: string) => text, inputs: "text", output: "text" });',
      "vt.Blocks(() => { const a = vt.Textbox(); a.submit({ fn: () => 'x', output: a }); });",
      "vt.Blocks(() => { const a = vt.Textbox(); const n = vt.Number(); function f(s: string) { return [s, s.length]; } a.submit({ fn: f, inputs: a, outputs: [a, n] }); });",
      "vt.Blocks(() => { const a = vt.Textbox(); const n = vt.Number(); a.submit({ fn: (s: string) => [s, s.length], inputs: a, outputs: [a, n] }); });",
    ]);
    expect(input).toEqual([
      "Object literal may only specify known properties, but 'input' does not exist in type 'InterfaceOptions<InterfaceComponents, InterfaceComponents, false>'. Did you mean to write 'inputs'?",
    ]);
    expect(output).toEqual([expect.stringContaining("but 'output' does not exist in type 'InterfaceOptions<")]);
    expect(output[0]).toContain("Did you mean to write 'outputs'?");
    expect(listener).toEqual([expect.stringContaining("but 'output' does not exist in type 'EventOptions<")]);
    // A list where a tuple is wanted: the expected type names the remedy.
    expect(list).toHaveLength(1);
    expect(list[0]).toContain("Return_a_tuple_with_as_const");
    expect(list[0]).toContain("Target requires 2 element(s) but source may have fewer.");
    expect(fine).toEqual([]);
  });
});
