import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { codeEvents, type CodeEvent, type CodeEventData } from "./events.js";
import { codeLanguages, isCodeLanguage, type CodeLanguage } from "./languages.js";

/** A button a Code block shows over the editor. */
export type CodeButton = "copy" | "download";

/** Props of a Code block. */
export interface CodeProps extends ComponentProps<string | null> {
  /** The language the code is highlighted as (one of {@link codeLanguages}); null shows plain text. Default null. */
  language?: CodeLanguage | null;
  /** Lines the editor shows at least. Default 5. */
  lines?: number;
  /** Most lines the editor grows to before it scrolls; null grows without limit. Default null. */
  max_lines?: number | null;
  /** Whether long lines wrap instead of scrolling sideways. Default false. */
  wrap_lines?: boolean;
  /** Whether line numbers show in a gutter. Default true. */
  show_line_numbers?: boolean;
  /** Whether the editor suggests completions (keywords of the language) as the user types. Default false. */
  autocomplete?: boolean;
  /** The buttons shown over the editor; null shows both, `[]` none. Default null. */
  buttons?: readonly CodeButton[] | null;
}

/**
 * What a function may return to a Code block: the code, or — as Gradio's one-element tuple
 * `(path,)` — `[path]`, a file on the server whose text is shown.
 */
export type CodeReturn = string | readonly [string] | null;

/** A code editor (CodeMirror 6): a `string` in, a `string` (or a file's text) out. */
export class CodeComponent extends Component<string | null, CodeReturn, string | null> {
  static override readonly events = codeEvents;
  readonly type = "code";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: CodeProps;

  constructor(props: CodeProps = {}) {
    const language = props.language ?? null;
    if (language !== null && !isCodeLanguage(language)) {
      throw new Error(`Code: language ${JSON.stringify(language)} is not supported; use one of ${codeLanguages.join(", ")}, or null.`);
    }
    for (const key of ["lines", "max_lines"] as const) {
      const n = props[key];
      if (n !== undefined && n !== null && !(Number.isInteger(n) && n >= 1)) {
        throw new Error(`Code: ${key} must be a whole number of lines, 1 or more; got ${String(n)}.`);
      }
    }
    for (const b of props.buttons ?? []) {
      if (b !== "copy" && b !== "download") throw new Error(`Code: buttons holds "copy" and "download" only; got ${JSON.stringify(b)}.`);
    }
    super(props);
  }

  /** The code the user entered, as is (null when the block holds none). */
  override preprocess(payload: string | null | undefined): string | null {
    if (payload === null || payload === undefined) return null;
    if (typeof payload !== "string") throw new TypeError(`Code expects a string, got ${typeof payload}`);
    return payload;
  }

  /**
   * The code to show, without its leading and trailing blank space (as Gradio). `[path]`
   * shows the text of the file at `path` (UTF-8).
   */
  override postprocess(value: CodeReturn): string | null {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) {
      const [path] = value as readonly unknown[];
      if (value.length !== 1 || typeof path !== "string") {
        throw new TypeError(`Code: a file is returned as [path], one string; got ${JSON.stringify(value)}`);
      }
      try {
        return readFileSync(path, "utf8");
      } catch (err) {
        throw new Error(`Code: could not read the file ${path}: ${(err as Error).message}`);
      }
    }
    if (typeof value !== "string") throw new TypeError(`Code expects a string or [path], got ${typeof value}`);
    return value.trim();
  }

  override emptyPayload(): null {
    return null;
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return "print('Hello World')";
  }

  protected override ownProps(): Record<string, unknown> {
    const { language = null, lines = 5, max_lines = null, wrap_lines = false, show_line_numbers = true,
      autocomplete = false, buttons = null } = this.props;
    return { language, lines, max_lines, wrap_lines, show_line_numbers, autocomplete, buttons: buttons ?? ["copy", "download"] };
  }
}
export interface CodeComponent extends Listeners<CodeEvent, CodeEventData> {}

/**
 * A code editor with syntax highlighting. As an input the function receives the code, a
 * `string` (null when empty of any value); as an output it returns one, or `[path]` to show a file.
 * @example vt.Code({ language: "python", label: "Script" })
 */
export function Code(props: CodeProps = {}): CodeComponent {
  return new CodeComponent(props);
}
export type Code = CodeComponent;
