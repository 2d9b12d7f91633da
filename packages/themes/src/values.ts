/**
 * Checks on theme values, and the `*reference` notation.
 */

/** `*name`: a reference to another attribute, as in `"*primary_500"`. */
export const REFERENCE = /\*([A-Za-z_][A-Za-z0-9_]*)/g;

/** The attribute names a value refers to with `*name`, in order. */
export function references(value: string): string[] {
  return [...value.matchAll(REFERENCE)].map((match) => match[1]!);
}

/**
 * Why a value cannot go into a stylesheet, or `undefined` when it can. A value must stay inside
 * its own declaration: no `;`, `{`, `}` or `<`, no comments, no backslashes, no line breaks or
 * other control characters, and its quotes, parentheses and brackets must be balanced (an open
 * parenthesis would swallow the declarations after it).
 */
export function valueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `it is ${value === null ? "null" : typeof value}, not a string`;
  if (value.trim() === "") return "it is empty";
  if (value.length > 2000) return "it is longer than 2000 characters";
  const forbidden = /[;{}<\\]/.exec(value);
  if (forbidden) return `it contains ${JSON.stringify(forbidden[0])}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return "it contains a line break or another control character";
  if (value.includes("/*") || value.includes("*/")) return "it contains a CSS comment";
  const open: string[] = [];
  let quote: string | undefined;
  for (const char of value) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "(" || char === "[") {
      open.push(char === "(" ? ")" : "]");
    } else if (char === ")" || char === "]") {
      if (open.pop() !== char) return `its ${JSON.stringify(char)} closes nothing`;
    }
  }
  if (quote) return `its ${quote} quote is never closed`;
  if (open.length > 0) return `its ${JSON.stringify(open.at(-1) === ")" ? "(" : "[")} is never closed`;
  return undefined;
}

/**
 * Throws a `TypeError` naming `what` when `value` cannot go into a stylesheet (see
 * {@link valueProblem}).
 */
export function assertSafeValue(what: string, value: unknown): asserts value is string {
  const problem = valueProblem(value);
  if (problem) {
    throw new TypeError(`Theme value for ${what} is rejected because ${problem}: ${JSON.stringify(String(value)).slice(0, 120)}`);
  }
}

/** The edit distance between two strings (insertions, deletions and substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `name`, when one is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
