/**
 * Client-side event functions (`js` in a dependency): the app author's JavaScript source,
 * turned into a callable in the page, as Gradio's frontend does with its `js` option.
 */

/** A compiled `js` function: takes the wire values, resolves with the values it returns. */
export type ClientFunction = (...values: unknown[]) => Promise<unknown[]>;

const compiled = new Map<string, ClientFunction>();

/**
 * Compiles the source of a function — an arrow or `function` expression (`"(x) => x * 2"`,
 * `"async function (a, b) { … }"`), or a method (`"js(x) { … }"`, which is how a method
 * shorthand prints) — into a {@link ClientFunction}. The result of a call is awaited, and a
 * value that is not an array stands for a one-element list. Compiled functions are cached by
 * source.
 *
 * @throws SyntaxError when the source is not a function.
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

function evaluate(source: string): (...args: unknown[]) => unknown {
  let value: unknown;
  try {
    // The app's own code, from its config: run as written, like a <script> the app ships.
    value = new Function(`"use strict"; return (${source}\n);`)();
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    // A method shorthand (`js(x) { … }`) is not an expression; it is a valid object member.
    try {
      const holder = new Function(`"use strict"; return ({ ${source}\n });`)() as Record<string, unknown>;
      value = Object.values(holder)[0];
    } catch {
      throw err;
    }
  }
  if (typeof value !== "function") throw new SyntaxError(`js is not a function: ${source.slice(0, 80)}`);
  return value as (...args: unknown[]) => unknown;
}
