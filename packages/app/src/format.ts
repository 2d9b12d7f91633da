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
