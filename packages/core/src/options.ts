/** Naming a misspelt option: the closest known name, for errors that say what to write. */

/**
 * The error for an option name nobody knows, naming the closest known one (by edit distance,
 * ignoring case and underscores) or, when none is close, listing them all.
 */
export function unknownOptionError(key: string, known: readonly string[]): TypeError {
  const guess = closestName(key, known);
  return new TypeError(
    guess === null
      ? `Unknown option "${key}"; the options are: ${known.join(", ")}`
      : `Unknown option "${key}" — did you mean "${guess}"?`,
  );
}

/** The known name closest to `name`, or null when none is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, "");
  const wanted = norm(name);
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of known) {
    const other = norm(candidate);
    // One name starting with the other ("trigger" for "trigger_mode", "submit" for
    // "submit_btn") is as good as one edit away.
    const prefix = Math.min(wanted.length, other.length) >= 3 && (other.startsWith(wanted) || wanted.startsWith(other));
    const d = prefix ? 1 : editDistance(wanted, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}
