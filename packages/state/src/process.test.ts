import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { State } from "./index.js";

describe("State", () => {
  it("gives each session a deep copy of its value, or calls its value function", () => {
    const list = State({ value: { items: [1] } });
    const a = list.initialValue();
    a.items.push(2);
    expect(list.initialValue()).toEqual({ items: [1] });
    let made = 0;
    const fresh = State({ value: () => ++made });
    expect([fresh.initialValue(), fresh.initialValue()]).toEqual([1, 2]);
    expect(State().initialValue()).toBeNull();
  });

  it("is no API parameter, sends no value, and keeps its TTL in the config", () => {
    const app = Blocks(() => {
      State({ value: "secret", time_to_live: 5 });
    });
    const config = app.config().components.find((c) => c.type === "state")!;
    expect(config).toMatchObject({ skip_api: true, props: { value: null, time_to_live: 5 } });
    expect(JSON.stringify(config)).not.toContain("secret");
  });

  it("runs delete_callback with the value and logs its errors", async () => {
    const seen: unknown[] = [];
    await State({ delete_callback: (v: number) => void seen.push(v) }).deleted(3);
    expect(seen).toEqual([3]);
    await expect(State({ delete_callback: () => { throw new Error("boom"); } }).deleted(1)).resolves.toBeUndefined();
    expect(() => State({ time_to_live: 0 })).toThrow(/time_to_live/);
    expect(State({ time_to_live: 2 }).timeToLiveMs).toBe(2000);
  });

  it("fires change", () => {
    expect(typeof State().change).toBe("function");
  });
});
