/**
 * Client-side event functions (`js` in a dependency, and the Blocks' `js`): the app author's
 * JavaScript source, turned into a callable in the page, as Gradio's frontend does with its `js`
 * option.
 *
 * The page's Content-Security-Policy allows no `eval`: each source runs as an inline `<script>`
 * carrying the page's nonce (`evaluateScript` of `@vitrine/core/browser`, shared with the HTML
 * component's templates). Outside a browser (tests run in Node) it is compiled with `new Function`.
 */
import { evaluateScript } from "@vitrine/core/browser";

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
    [source, (value) => value],
    [`{ ${source}\n }`, (holder) => (holder && typeof holder === "object" ? Object.values(holder)[0] : undefined)],
  ];
}

function evaluate(source: string): AnyFunction {
  let firstError: unknown;
  for (const [code, pick] of forms(source)) {
    const outcome = evaluateScript(code);
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
