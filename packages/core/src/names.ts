const namedWrappers = new WeakMap<(...args: never[]) => unknown, readonly (string | null)[]>();

/**
 * Gives a wrapper function the parameter names of the function it stands for, so that API
 * parameters and default labels are named after the user's function, not the wrapper's
 * `(...args)` (ChatInterface's endpoint is named after its `fn`). Returns `wrapper`.
 */
export function withParameterNames<F extends (...args: never[]) => unknown>(wrapper: F, names: readonly (string | null)[]): F {
  namedWrappers.set(wrapper, [...names]);
  return wrapper;
}

/**
 * Best-effort parameter names of a function, read from its source: used as default
 * labels and API parameter names, the way Gradio reads Python signatures.
 * Destructured or unreadable parameters come back as `null`.
 */
export function parameterNames(fn: ((...args: never[]) => unknown) | null | undefined): (string | null)[] {
  const given = fn ? namedWrappers.get(fn) : undefined;
  if (given) return [...given];
  return parameterList(fn).map((p) => /^([A-Za-z_$][\w$]*)\s*(=|$)/.exec(p)?.[1] ?? null);
}

/**
 * The source of each parameter of a function, trimmed (`["a", "b = 2", "...rest"]`); a single
 * bare arrow parameter (`x => …`) is one entry.
 */
export function parameterList(fn: ((...args: never[]) => unknown) | null | undefined): string[] {
  if (!fn) return [];
  const src = Function.prototype.toString.call(fn);
  const single = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(src);
  if (single) return [single[1]!];
  const open = src.indexOf("(");
  if (open < 0) return [];
  let depth = 0;
  let end = open;
  for (; end < src.length; end++) {
    const ch = src[end];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    if (depth === 0) break;
  }
  return splitTopLevel(src.slice(open + 1, end))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Turns a label into an identifier-like API parameter name (`"First name"` → `first_name`). */
export function toIdentifier(label: string): string {
  const id = label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[0-9]/.test(id) ? `_${id}` : id;
}
