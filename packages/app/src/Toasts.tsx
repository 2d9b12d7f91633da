import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { Toast, ToastState } from "./toasts.js";

/** The symbol drawn before a toast's title, by level (the level is also in its color and role). */
const ICONS: Record<Toast["level"], string> = { error: "!", warning: "!", info: "i", success: "✓" };

/**
 * One toast. It hides itself after its duration (the timer pauses while the pointer is over
 * it); a `null` duration keeps it until closed. Errors and warnings are announced as alerts,
 * info and success messages politely (role `status`).
 */
function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.duration === null ? null : toast.duration * 1000);
  useEffect(() => {
    const left = remaining.current;
    if (left === null || !(left > 0) || paused) return; // null or 0: until closed
    const started = Date.now();
    const timer = setTimeout(() => dismiss(toast.id), left);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1, left - (Date.now() - started));
    };
  }, [toast.id, paused, dismiss]);
  const urgent = toast.level === "error" || toast.level === "warning";
  return (
    <div
      className={`vt-toast vt-toast-${toast.level}`}
      role={urgent ? "alert" : "status"}
      data-testid="toast"
      data-level={toast.level}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
    >
      <span className="vt-toast-icon" aria-hidden="true">
        {ICONS[toast.level]}
      </span>
      <div className="vt-toast-body">
        <div className="vt-toast-title">{toast.title}</div>
        {toast.message ? <div className="vt-toast-message">{toast.message}</div> : null}
      </div>
      <button type="button" className="vt-toast-close" aria-label="Close" onClick={() => dismiss(toast.id)}>
        ×
      </button>
      {toast.duration !== null && toast.duration > 0 ? (
        <div
          className="vt-toast-timer"
          style={{ animationDuration: `${toast.duration}s`, animationPlayState: paused ? "paused" : "running" }}
        />
      ) : null}
    </div>
  );
}

/** The stack of toasts in the top-right corner: errors, warnings and info messages. */
export function Toasts({ store }: { store: StoreApi<ToastState> }) {
  const toasts = useStore(store, (s) => s.toasts);
  const dismiss = useStore(store, (s) => s.dismiss);
  return (
    <div className="vt-toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
      ))}
    </div>
  );
}
