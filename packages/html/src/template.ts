/**
 * Gradio 6's HTML templates, rendered in the browser: `${expression}` placeholders are JavaScript
 * expressions over the template's values (`value`, `label`, `visible` and the extra props), and
 * `{{…}}` is Handlebars (loops, branches, escaped values). Templates are the app author's code;
 * the values they show are data: a value is never read as template syntax (a `${` or `{{` in a
 * value stays text), unlike a textual substitution would. Expressions run without `eval` (see
 * `evaluateScript`), so the page's Content-Security-Policy needs no `'unsafe-eval'`.
 */
import { evaluateScript } from "@vitrine/core/browser";

/** Handlebars' `compile`, as the view loads it (see `./handlebars.ts`). */
export type TemplateCompiler = (template: string) => (context: Record<string, unknown>) => string;

/** A template that could not be rendered: the view shows its message in place of the content. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
}

/** Whether a template uses Handlebars (so the view loads it first). */
export function usesHandlebars(template: string): boolean {
  return template.includes("{{");
}

/** Words that cannot name a parameter of the function evaluating an expression. */
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval").split(" "),
);
const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Finds the `}` closing a `${` whose expression starts at `from`, skipping strings and nested braces; -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === "`") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === "\\") i++;
    } else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}

/** The template cut at each `${…}`: the text pieces around them, and the expressions in order. */
function splitExpressions(template: string): { pieces: string[]; expressions: string[] } {
  const pieces: string[] = [];
  const expressions: string[] = [];
  let at = 0;
  for (;;) {
    const open = template.indexOf("${", at);
    if (open < 0) break;
    const close = closingBrace(template, open + 2);
    if (close < 0) throw new TemplateError(`unclosed \${ at character ${open} of the template`);
    pieces.push(template.slice(at, open));
    expressions.push(template.slice(open + 2, close));
    at = close + 1;
  }
  pieces.push(template.slice(at));
  return { pieces, expressions };
}

/** The pieces with the fillers between them. */
function interleave(pieces: readonly string[], fillers: readonly string[]): string {
  let out = pieces[0] ?? "";
  for (let i = 0; i < fillers.length; i++) out += fillers[i]! + pieces[i + 1]!;
  return out;
}

/** The context key Handlebars reads an evaluated `${…}` from. */
const EXPRESSION_KEY = "__vt_expression_";

const functions = new Map<string, (...args: unknown[]) => unknown>();

/** Evaluates one `${…}` expression with the template's values as variables. */
function evaluate(expression: string, scope: Record<string, unknown>): string {
  const names = Object.keys(scope).filter((k) => IDENT.test(k) && !RESERVED.has(k));
  const key = `${names.join(",")}\u0000${expression}`;
  let fn = functions.get(key);
  if (!fn) {
    // The template is the app author's code (as Gradio evaluates it, not in strict mode), run
    // without eval as a script with the page's nonce; values are passed as arguments.
    const outcome = evaluateScript(`function (${names.join(", ")}) { return (${expression}\n); }`, { strict: false });
    if ("error" in outcome) throw new TemplateError(`\${${expression}}: ${messageOf(outcome.error)}`);
    fn = outcome.value as (...args: unknown[]) => unknown;
    functions.set(key, fn);
  }
  try {
    return `${fn(...names.map((n) => scope[n]))}`;
  } catch (err) {
    throw new TemplateError(`\${${expression}}: ${messageOf(err)}`);
  }
}

/** An error's message (also of one made in another realm, as a script's can be). */
function messageOf(err: unknown): string {
  return typeof err === "object" && err !== null && "message" in err ? String(err.message) : String(err);
}

const compiled = new Map<string, (context: Record<string, unknown>) => string>();

/**
 * Renders a template with its values: each `${…}` is evaluated once against the values (as
 * Gradio evaluates the whole template as a JavaScript template string), and a template that uses
 * Handlebars is then rendered by it (`compile` must be given), the expressions' results
 * inserted where they were. Throws a {@link TemplateError} for a template that does not render.
 *
 * @example renderTemplate("<b>${value.length}</b> {{value}}", { value: "a<b" }, compile) // "<b>3</b> a&lt;b"
 */
export function renderTemplate(template: string, scope: Record<string, unknown>, compile?: TemplateCompiler | null): string {
  const { pieces, expressions } = splitExpressions(template);
  const results = expressions.map((e) => evaluate(e, scope));
  if (!usesHandlebars(pieces.join(""))) return interleave(pieces, results);
  if (!compile) throw new TemplateError("the template uses Handlebars, which is not loaded");
  // Each result goes in through Handlebars' own context (never spliced into its text), so no
  // value is ever read as template syntax.
  const text = interleave(pieces, results.map((_, i) => `{{{@root.${EXPRESSION_KEY}${i}}}}`));
  const context: Record<string, unknown> = { ...scope };
  results.forEach((r, i) => (context[`${EXPRESSION_KEY}${i}`] = r));
  try {
    let render = compiled.get(text);
    if (!render) {
      render = compile(text);
      compiled.set(text, render);
    }
    return render(context);
  } catch (err) {
    compiled.delete(text);
    throw new TemplateError(messageOf(err));
  }
}
