import { useEffect, useState } from "react";
import { describeProgress, formatQueue, formatTimer } from "./format.js";
import type { BlockStatus } from "./store.js";

/** Current time in ms, refreshed every `intervalMs` while `active`. */
function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

/**
 * Drawn over a component while an event updates it, by the event's `show_progress`:
 * - `"full"`: a panel over the component with a spinner, the elapsed time (and estimate), the
 *   queue position and one progress bar per level the function reports;
 * - `"minimal"`: only the small elapsed-time display in the corner;
 * - `"hidden"`: nothing.
 *
 * After a failed event, a small error badge (not when hidden).
 */
export function StatusOverlay({ id, status }: { id: number; status: BlockStatus }) {
  const busy = status.stage === "pending" || status.stage === "generating";
  const mode = status.showProgress ?? "full";
  const now = useNow(busy && mode !== "hidden");
  if (mode === "hidden") return null;
  if (status.stage === "error") {
    return (
      <div className="vt-status-error" data-testid={`status-${id}`} title={status.message ?? undefined}>
        Error
      </div>
    );
  }
  if (!busy) return null;
  const elapsed = status.startedAt ? (now - status.startedAt) / 1000 : 0;
  const timer = <span className="vt-status-time">{formatTimer(elapsed, status.eta)}</span>;
  if (mode === "minimal") {
    return (
      <div className="vt-status vt-status-minimal" role="status" aria-label="Running" data-testid={`status-${id}`}>
        {timer}
      </div>
    );
  }
  const queue = formatQueue(status.position);
  const bars = (status.progress ?? []).map(describeProgress).filter((bar) => bar !== null);
  return (
    <div
      className={`vt-status vt-status-full ${status.stage === "generating" ? "vt-status-generating" : ""}`}
      role="status"
      aria-label="Running"
      data-testid={`status-${id}`}
    >
      <div className="vt-status-meta">
        {queue ? <span className="vt-status-queue">{queue}</span> : null}
        {timer}
      </div>
      {status.stage === "generating" || bars.length > 0 ? null : <span className="vt-spinner" />}
      {bars.map((bar, i) => (
        <div className="vt-progress" key={i}>
          <div
            className="vt-progress-track"
            role="progressbar"
            aria-label={bar.desc || "Progress"}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={bar.percent ?? undefined}
            aria-valuetext={bar.text}
          >
            <div
              className={`vt-progress-bar ${bar.percent === null ? "vt-progress-indeterminate" : ""}`}
              style={bar.percent === null ? undefined : { width: `${bar.percent}%` }}
            />
          </div>
          <span className="vt-progress-text">{bar.text}</span>
        </div>
      ))}
    </div>
  );
}
