/**
 * Running the app author's JavaScript source (an event's `js`, an HTML component's
 * `html_template` expressions and `js_on_load`) in the page without `eval`.
 *
 * The page's Content-Security-Policy allows no `eval` (no `new Function`): the source runs as an
 * inline `<script>` carrying the page's nonce (the nonce the server gave every script of the
 * page, read from them), which puts what it evaluates to in a table read back at once. Outside a
 * browser (tests in Node) there is no document, and the source is compiled with `new Function`.
 * The source always comes from the app's config, never from a user.
 */

/** What evaluating a source gave: its value, or the error it threw (a `SyntaxError` for a source that does not parse). */
export type ScriptOutcome = { value: unknown } | { error: unknown };

/** How a source is evaluated. */
export interface ScriptOptions {
  /** Evaluate in strict mode (`"use strict"`). Default true. */
  strict?: boolean;
}

/**
 * The nonce the server gave the page's scripts, read from them (a browser hides the attribute,
 * not the property; a DOM without the property keeps the attribute); "" when none has one.
 */
export function pageScriptNonce(): string {
  if (typeof document === "undefined") return "";
  for (const script of document.querySelectorAll<HTMLScriptElement>("script[nonce]")) {
    const nonce = script.nonce || script.getAttribute("nonce");
    if (nonce) return nonce;
  }
  return "";
}

/**
 * Evaluates one JavaScript expression — the app author's source, typically a function
 * expression (`"(x) => x * 2"`, `"function (element) { … }"`) — and returns its value, or the
 * error it threw. In a browser it runs as an inline script with the page's nonce, so it runs under
 * a policy without `'unsafe-eval'`; a script the policy refuses gives an `Error` saying so.
 * Never throws.
 */
export function evaluateScript(expression: string, options: ScriptOptions = {}): ScriptOutcome {
  const prologue = options.strict === false ? "" : '"use strict";';
  return typeof document === "undefined" ? evaluateWithFunction(expression, prologue) : evaluateAsScript(expression, prologue);
}

/** Outside a browser: the app's own code, from its config, compiled as written. */
function evaluateWithFunction(expression: string, prologue: string): ScriptOutcome {
  try {
    return { value: new Function(`${prologue}return (${expression}\n);`)() };
  } catch (error) {
    return { error };
  }
}

/**
 * Where the scripts put what they evaluate to. Every bundle holding this module (the page and
 * each component view) shares the table: its keys carry a prefix random to each copy.
 */
const TABLE = "__vitrine_page_script__";
const PREFIX = Math.random().toString(36).slice(2);
let calls = 0;

type Table = Map<string, unknown>;

/**
 * In the page: an inline script with the page's nonce evaluates the expression and puts its value
 * in the table. An error (a syntax error, above all) is caught as the window's `error` event and
 * kept off the console (the caller reports it); a script the policy refused leaves nothing in the
 * table.
 */
function evaluateAsScript(expression: string, prologue: string): ScriptOutcome {
  const holder = window as unknown as Record<typeof TABLE, Table | undefined>;
  const table = (holder[TABLE] ??= new Map());
  const key = `${PREFIX}:${++calls}`;
  let error: unknown;
  let failed = false;
  const onError = (event: ErrorEvent): void => {
    failed = true;
    error = event.error ?? new SyntaxError(event.message);
    event.preventDefault();
  };
  window.addEventListener("error", onError);
  const script = document.createElement("script");
  script.nonce = pageScriptNonce();
  script.textContent = `${prologue}window.${TABLE}.set(${JSON.stringify(key)}, (${expression}\n));`;
  try {
    document.head.append(script);
  } finally {
    script.remove();
    window.removeEventListener("error", onError);
  }
  if (failed) return { error };
  if (!table.has(key)) {
    return {
      error: new Error(
        "The page's Content-Security-Policy refused to run the app's script (give the page's scripts a nonce: see launch's content_security_policy).",
      ),
    };
  }
  const value = table.get(key);
  table.delete(key);
  return { value };
}
