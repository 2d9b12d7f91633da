import { describe, expect, it } from "@jest/globals";
import { createToastStore, TOAST_SECONDS } from "./toasts.js";

describe("toast store", () => {
  it("adds toasts with a default duration of 10 seconds", () => {
    const store = createToastStore();
    const id = store.getState().push({ level: "error", title: "Error", message: "Boom" });
    expect(store.getState().toasts).toEqual([{ id, level: "error", title: "Error", message: "Boom", duration: TOAST_SECONDS }]);
    expect(TOAST_SECONDS).toBe(10);
  });

  it("keeps a null duration (stays until closed)", () => {
    const store = createToastStore();
    store.getState().push({ level: "info", title: "Info", message: "", duration: null });
    expect(store.getState().toasts[0]!.duration).toBeNull();
  });

  it("dismisses one toast by id", () => {
    const store = createToastStore();
    const a = store.getState().push({ level: "info", title: "A", message: "" });
    const b = store.getState().push({ level: "info", title: "B", message: "" });
    store.getState().dismiss(a);
    expect(store.getState().toasts.map((t) => t.id)).toEqual([b]);
  });
});
