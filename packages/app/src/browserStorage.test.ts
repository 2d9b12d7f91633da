import { describe, expect, it } from "@jest/globals";
import { component } from "../test/fixtures.js";
import { persistBrowserValues } from "./browserStorage.js";
import { createAppStore } from "./store.js";

/** A Storage kept in a Map. */
function memoryStorage(initial: Record<string, string> = {}): Storage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe("persistBrowserValues", () => {
  it("restores a stored value at once, stores new values, and leaves other blocks alone", () => {
    const store = createAppStore([component(1, "browserstate", { storage_key: "k" }), component(2, "textbox", { value: "a" })]);
    const local = memoryStorage({ k: "sealed-1" });
    const stop = persistBrowserValues(store, local);
    expect(store.getState().blocks[1]!.value).toBe("sealed-1");
    store.getState().setValue(1, "sealed-2");
    store.getState().setValue(2, "b");
    expect([...local.map]).toEqual([["k", "sealed-2"]]);
    stop();
    store.getState().setValue(1, "sealed-3");
    expect(local.map.get("k")).toBe("sealed-2");
  });
});
