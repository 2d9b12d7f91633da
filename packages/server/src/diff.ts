/** One edit of Gradio's streaming diff format: `[action, path, value]`. */
export type DiffEdit = ["replace" | "append" | "add" | "delete", (string | number)[], unknown];

/**
 * The edits that turn `previous` into `next`: none when equal, an `append` when a string
 * grows, else a whole-value `replace` (which both official clients accept).
 */
export function diff(previous: unknown, next: unknown): DiffEdit[] {
  if (previous === next) return [];
  if (typeof previous === "string" && typeof next === "string" && next.startsWith(previous)) {
    return [["append", [], next.slice(previous.length)]];
  }
  if (typeof previous === "object" && typeof next === "object" && JSON.stringify(previous) === JSON.stringify(next)) {
    return [];
  }
  return [["replace", [], next]];
}
