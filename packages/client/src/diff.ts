/** One edit in a streamed-output diff: `[action, path, value]` (PROTOCOL.md §3.5). */
export type DiffEdit = [action: "replace" | "append" | "add" | "delete", path: (string | number)[], value: unknown];

/**
 * Applies a diff list (`[[action, path, value], …]`) to a previous full value and returns the
 * new full value. The input is never mutated: containers along each edited path are copied, so
 * values already handed to callers stay as they were.
 *
 * - `replace`: set the target to `value` (path `[]` replaces the whole value);
 * - `append`: `target += value` (strings, or arrays extended by an array);
 * - `add`: insert into an array at the index, or set a key on an object;
 * - `delete`: remove the array index or object key.
 *
 * @throws Error when the diff is malformed or a path does not exist.
 */
export function applyDiff(previous: unknown, diff: unknown): unknown {
  if (!Array.isArray(diff)) throw new Error(`Invalid diff: expected a list of edits, got ${describe(diff)}`);
  let value = previous;
  for (const edit of diff) {
    if (!Array.isArray(edit) || edit.length < 2 || typeof edit[0] !== "string" || !Array.isArray(edit[1])) {
      throw new Error(`Invalid diff edit: ${safeJson(edit)}`);
    }
    value = applyEdit(value, edit[0], edit[1] as unknown[], edit[2]);
  }
  return value;
}

function applyEdit(target: unknown, action: string, path: unknown[], value: unknown): unknown {
  if (path.length === 0) {
    switch (action) {
      case "replace":
        return value;
      case "append":
        return append(target, value);
      case "add":
      case "delete":
        throw new Error(`Invalid diff edit: "${action}" needs a non-empty path`);
      default:
        throw new Error(`Unknown diff action "${action}"`);
    }
  }
  const [key, ...rest] = path;
  if (Array.isArray(target)) {
    const index = toIndex(key, target.length, action === "add" && rest.length === 0);
    const copy = target.slice();
    if (rest.length > 0) {
      if (index >= target.length) throw new Error(`Invalid diff path: index ${index} is out of range`);
      copy[index] = applyEdit(target[index], action, rest, value);
      return copy;
    }
    switch (action) {
      case "replace":
        copy[index] = value;
        break;
      case "append":
        copy[index] = append(target[index], value);
        break;
      case "add":
        copy.splice(index, 0, value);
        break;
      case "delete":
        copy.splice(index, 1);
        break;
      default:
        throw new Error(`Unknown diff action "${action}"`);
    }
    return copy;
  }
  if (target !== null && typeof target === "object") {
    if (typeof key !== "string" && typeof key !== "number") throw new Error(`Invalid diff path key: ${safeJson(key)}`);
    const k = String(key);
    const source = target as Record<string, unknown>;
    const copy: Record<string, unknown> = { ...source };
    if (rest.length > 0) {
      if (!Object.prototype.hasOwnProperty.call(source, k)) throw new Error(`Invalid diff path: no key "${k}"`);
      copy[k] = applyEdit(source[k], action, rest, value);
      return copy;
    }
    switch (action) {
      case "replace":
      case "add":
        defineKey(copy, k, value);
        break;
      case "append":
        defineKey(copy, k, append(source[k], value));
        break;
      case "delete":
        delete copy[k];
        break;
      default:
        throw new Error(`Unknown diff action "${action}"`);
    }
    return copy;
  }
  throw new Error(`Invalid diff path: cannot index into ${describe(target)} with ${safeJson(key)}`);
}

/** Sets a key as an own data property, so a key such as `__proto__` cannot change the prototype. */
function defineKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

function toIndex(key: unknown, length: number, allowEnd: boolean): number {
  const n = typeof key === "number" ? key : typeof key === "string" && /^\d+$/.test(key) ? Number(key) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > length || (n === length && !allowEnd)) {
    throw new Error(`Invalid diff path: index ${safeJson(key)} is out of range for a list of ${length}`);
  }
  return n;
}

function append(target: unknown, value: unknown): unknown {
  if (typeof target === "string" && typeof value === "string") return target + value;
  if (Array.isArray(target)) return target.concat(Array.isArray(value) ? value : [value]);
  if (target == null && typeof value === "string") return value;
  throw new Error(`Invalid diff edit: cannot append ${describe(value)} to ${describe(target)}`);
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
