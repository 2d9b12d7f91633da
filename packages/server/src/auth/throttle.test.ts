import { describe, expect, it } from "@jest/globals";
import { LoginThrottle } from "./throttle.js";

describe("LoginThrottle", () => {
  it("lets a few failures pass, then doubles the wait per failure up to the cap", () => {
    let now = 0;
    const t = new LoginThrottle({ freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 5000, now: () => now });
    expect(t.failed("a")).toBe(0);
    expect(t.failed("a")).toBe(0);
    expect(t.wait("a")).toBe(0);
    expect(t.failed("a")).toBe(1000);
    expect(t.wait("a")).toBe(1000);
    now += 400;
    expect(t.wait("a")).toBe(600);
    now += 600;
    expect(t.wait("a")).toBe(0);
    expect(t.failed("a")).toBe(2000);
    now += 2000;
    expect(t.failed("a")).toBe(4000);
    now += 4000;
    expect(t.failed("a")).toBe(5000);
    now += 5000;
    expect(t.failed("a")).toBe(5000);
  });

  it("slows only the failing client", () => {
    const t = new LoginThrottle({ freeFailures: 0, now: () => 0 });
    t.failed("attacker");
    expect(t.wait("attacker")).toBeGreaterThan(0);
    expect(t.wait("someone else")).toBe(0);
  });

  it("a success clears the count", () => {
    const t = new LoginThrottle({ freeFailures: 0, now: () => 0 });
    t.failed("a");
    t.succeeded("a");
    expect(t.wait("a")).toBe(0);
    expect(t.failed("a")).toBe(1000);
  });

  it("forgets a client some time after its last failure", () => {
    let now = 0;
    const t = new LoginThrottle({ freeFailures: 0, forgetAfterMs: 10_000, maxDelayMs: 60_000, now: () => now });
    for (let i = 0; i < 5; i++) t.failed("a");
    now += 10_001;
    expect(t.wait("a")).toBe(0);
    expect(t.failed("a")).toBe(1000);
  });

  it("remembers a bounded number of clients", () => {
    const t = new LoginThrottle({ freeFailures: 0, maxClients: 3, now: () => 0 });
    for (const c of ["a", "b", "c", "d"]) t.failed(c);
    expect(t.wait("a")).toBe(0);
    expect(t.wait("d")).toBeGreaterThan(0);
  });
});
