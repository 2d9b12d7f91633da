import { useEffect } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { Toast, ToastState } from "./toasts.js";

/** One toast; hides itself after its duration. */
function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  useEffect(() => {
    if (toast.duration === null || !(toast.duration > 0)) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.duration * 1000);
    return () => clearTimeout(timer);
  }, [toast.id, toast.duration, dismiss]);
  return (
    <div className={`vt-toast vt-toast-${toast.level}`} role="alert" data-testid="toast">
      <div className="vt-toast-body">
        <div className="vt-toast-title">{toast.title}</div>
        {toast.message ? <div className="vt-toast-message">{toast.message}</div> : null}
      </div>
      <button type="button" className="vt-toast-close" aria-label="Close" onClick={() => dismiss(toast.id)}>
        ×
      </button>
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
