/** Formats seconds for the status overlay: `0.4s`, `12.3s`, `2m 05s`. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < 60) return `${s.toFixed(1)}s`;
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, "0")}s`;
}

/**
 * The overlay's timer text: elapsed time, and the estimate when it is still ahead
 * (`1.2/5.0s`).
 */
export function formatTimer(elapsed: number, eta?: number | null): string {
  if (eta && eta > elapsed && eta < 60) return `${Math.max(0, elapsed).toFixed(1)}/${formatSeconds(eta)}`;
  return formatSeconds(elapsed);
}

/** The queue text, or `null` when the job is not waiting in a queue (`position` ≤ 0 or unknown). */
export function formatQueue(position: number | null | undefined): string | null {
  return typeof position === "number" && position > 0 ? `queue: ${position}` : null;
}

/** One progress level as the overlay draws it. */
export interface ProgressView {
  /** The function's description of the work, if any. */
  desc: string | null;
  /** Percent done (0–100, whole), or `null` when unknown (an indeterminate bar). */
  percent: number | null;
  /** The text beside the bar: `Loading 3/10 steps`, `Thinking 30%`, `Reading 4 files`. */
  text: string;
}

/**
 * How one `progress_data` entry reads: steps out of a total (`3/10 steps`), a fraction (`30%`),
 * a bare step count (`4 files`), or only a description. `null` for an entry with nothing to show.
 */
export function describeProgress(unit: {
  index: number | null;
  length: number | null;
  unit: string | null;
  progress: number | null;
  desc: string | null;
}): ProgressView | null {
  const desc = unit.desc || null;
  const name = unit.unit ?? "steps";
  const hasIndex = typeof unit.index === "number" && Number.isFinite(unit.index);
  const hasLength = typeof unit.length === "number" && unit.length > 0;
  const fraction =
    typeof unit.progress === "number" && Number.isFinite(unit.progress)
      ? unit.progress
      : hasIndex && hasLength
        ? unit.index! / unit.length!
        : null;
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  let amount = "";
  if (hasIndex && hasLength) amount = `${unit.index}/${unit.length}${name ? ` ${name}` : ""}`;
  else if (percent !== null) amount = `${percent}%`;
  else if (hasIndex) amount = `${unit.index}${name ? ` ${name}` : ""}`;
  if (!desc && !amount) return null;
  return { desc, percent, text: [desc, amount].filter(Boolean).join(" ") };
}
