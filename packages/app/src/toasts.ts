import { createStore, type StoreApi } from "zustand/vanilla";

/** One message in the top-right corner. */
export interface Toast {
  id: number;
  level: "error" | "warning" | "info" | "success";
  title: string;
  message: string;
  /** Seconds before it hides itself; `null` (or 0) keeps it until closed. */
  duration: number | null;
}

/** The toasts on screen, and the actions that add and remove them. */
export interface ToastState {
  toasts: Toast[];
  /** Shows a toast (duration defaults to 10 s); returns its id. */
  push(toast: Omit<Toast, "id" | "duration"> & { duration?: number | null }): number;
  /** Removes a toast. */
  dismiss(id: number): void;
}

/** Default seconds a toast stays up. */
export const TOAST_SECONDS = 10;

/** Creates an empty toast store. */
export function createToastStore(): StoreApi<ToastState> {
  let nextId = 1;
  return createStore<ToastState>()((set, get) => ({
    toasts: [],
    push(toast) {
      const id = nextId++;
      const duration = toast.duration === undefined ? TOAST_SECONDS : toast.duration;
      set({ toasts: [...get().toasts, { ...toast, id, duration }] });
      return id;
    },
    dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  }));
}
