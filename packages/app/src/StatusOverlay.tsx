import { useEffect, useState } from "react";
import { formatQueue, formatTimer } from "./format.js";
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
 * Drawn over a component while an event updates it: a spinner, the elapsed seconds, the
 * queue position and progress bars (`show_progress: "full"`), a small spinner only
 * (`"minimal"`), or nothing (`"hidden"`). After a failed event, a small error badge (not when hidden).
 */
export function StatusOverlay({ id, status }: { id: number; status: BlockStatus }) {
  const busy = status.stage === "pending" || status.stage === "generating";
  const mode = status.showProgress ?? "full";
  const now = useNow(busy && mode === "full");
  if (mode === "hidden") return null;
  if (status.stage === "error") {
    return (
      <div className="vt-status-error" data-testid={`status-${id}`} title={status.message ?? undefined}>
        Error
      </div>
    );
  }
  if (!busy) return null;
  if (mode === "minimal") {
    return (
      <div className="vt-status vt-status-minimal" role="status" aria-label="Loading" data-testid={`status-${id}`}>
        <span className="vt-spinner" />
      </div>
    );
  }
  const elapsed = status.startedAt ? (now - status.startedAt) / 1000 : 0;
  const queue = formatQueue(status.position);
  const bars = (status.progress ?? []).filter((p) => p.progress !== null || p.index !== null);
  return (
    <div
      className={`vt-status ${status.stage === "generating" ? "vt-status-generating" : ""}`}
      role="status"
      aria-label="Loading"
      data-testid={`status-${id}`}
    >
      <div className="vt-status-meta">
        {queue ? <span className="vt-status-queue">{queue}</span> : null}
        <span className="vt-status-time">{formatTimer(elapsed, status.eta)}</span>
      </div>
      {status.stage === "generating" ? null : <span className="vt-spinner" />}
      {bars.map((bar, i) => {
        const fraction =
          bar.progress ?? (bar.index !== null && bar.length ? bar.index / bar.length : null);
        return (
          <div className="vt-progress" key={i}>
            <div className="vt-progress-track">
              <div className="vt-progress-bar" style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
            </div>
            <span className="vt-progress-text">
              {bar.desc ? `${bar.desc} ` : ""}
              {bar.index !== null && bar.length ? `${bar.index}/${bar.length}${bar.unit ? ` ${bar.unit}` : ""}` : fraction !== null ? `${Math.round(fraction * 100)}%` : ""}
            </span>
          </div>
        );
      })}
    </div>
  );
}
