/**
 * Client-side event functions (`js` in a dependency, and the Blocks' `js`): the app author's
 * JavaScript source, turned into a callable in the page, as Gradio's frontend does with its `js`
 * option.
 *
 * The page's Content-Security-Policy allows no `eval` (no `new Function`): each source runs as an
 * inline `<script>` carrying the page's nonce (the nonce the server gave every script of the
 * page, read from them), which registers the function in a table this module reads back. Outside
 * a browser (tests run in Node) there is no document, and the source is compiled with
 * `new Function`.
 */

/** A compiled `js` function: takes the wire values, resolves with the values it returns. */
export type ClientFunction = (...values: unknown[]) => Promise<unknown[]>;

type AnyFunction = (...args: unknown[]) => unknown;

const compiled = new Map<string, ClientFunction>();

/**
 * Compiles the source of a function — an arrow or `function` expression (`"(x) => x * 2"`,
 * `"async function (a, b) { … }"`), or a method (`"js(x) { … }"`, which is how a method
 * shorthand prints) — into a {@link ClientFunction}. The result of a call is awaited, and a
 * value that is not an array stands for a one-element list. Compiled functions are cached by
 * source.
 *
 * @throws SyntaxError when the source is not a function.
 * @throws Error when the page's Content-Security-Policy refuses to run it.
 */
export function compileClientFunction(source: string): ClientFunction {
  const cached = compiled.get(source);
  if (cached) return cached;
  const fn = evaluate(source);
  const call: ClientFunction = async (...values) => {
    const result: unknown = await fn(...values);
    return Array.isArray(result) ? result : [result];
  };
  compiled.set(source, call);
  return call;
}

/** The source as an expression, then as an object member (a method shorthand is not an expression). */
function forms(source: string): [string, (value: unknown) => unknown][] {
  return [
    [`(${source}\n)`, (value) => value],
    [`({ ${source}\n })`, (holder) => (holder && typeof holder === "object" ? Object.values(holder)[0] : undefined)],
  ];
}

function evaluate(source: string): AnyFunction {
  const run = typeof document === "undefined" ? runWithFunction : runAsScript;
  let firstError: unknown;
  for (const [code, pick] of forms(source)) {
    const outcome = run(code);
    if ("error" in outcome) {
      if (!(outcome.error instanceof SyntaxError)) throw outcome.error;
      firstError ??= outcome.error;
      continue;
    }
    const value = pick(outcome.value);
    if (typeof value !== "function") throw new SyntaxError(`js is not a function: ${source.slice(0, 80)}`);
    return value as AnyFunction;
  }
  throw firstError;
}

type Outcome = { value: unknown } | { error: unknown };

/** Outside a browser: the app's own code, from its config, run as written. */
function runWithFunction(code: string): Outcome {
  try {
    return { value: new Function(`"use strict"; return ${code};`)() };
  } catch (error) {
    return { error };
  }
}

/** Where the scripts put what they evaluate to, by call number. */
const TABLE = "__vitrine_client_js__";
let calls = 0;

declare global {
  interface Window {
    [TABLE]?: Map<number, unknown>;
  }
}

/** The nonce the server gave the page's scripts (the DOM hides the attribute, not the property). */
function pageNonce(): string {
  for (const script of document.querySelectorAll<HTMLScriptElement>("script[nonce]")) if (script.nonce) return script.nonce;
  return "";
}

/**
 * In the page: an inline script with the page's nonce evaluates `code` and puts the value in
 * the table. A syntax error is caught as the window's `error` event (and kept off the console:
 * the other form is tried next); a script the policy refused leaves nothing in the table.
 */
function runAsScript(code: string): Outcome {
  const table = (window[TABLE] ??= new Map<number, unknown>());
  const id = ++calls;
  let error: unknown;
  let failed = false;
  const onError = (event: ErrorEvent): void => {
    failed = true;
    error = event.error ?? new SyntaxError(event.message);
    event.preventDefault();
  };
  window.addEventListener("error", onError);
  const script = document.createElement("script");
  script.nonce = pageNonce();
  script.textContent = `"use strict";window.${TABLE}.set(${id}, ${code});`;
  try {
    document.head.append(script);
  } finally {
    script.remove();
    window.removeEventListener("error", onError);
  }
  if (failed) return { error };
  if (!table.has(id)) return { error: new Error("The page's Content-Security-Policy refused to run the app's js function (give the page's scripts a nonce: see launch's content_security_policy).") };
  const value = table.get(id);
  table.delete(id);
  return { value };
}
