import { describe, expect, it, jest } from "@jest/globals";
import { Credentials } from "./credentials.js";

describe("Credentials", () => {
  it("takes one pair", async () => {
    const c = new Credentials(["ada", "lovelace"]);
    expect(await c.verify("ada", "lovelace")).toBe(true);
    expect(await c.verify("ada", "Lovelace")).toBe(false);
    expect(await c.verify("ada", "lovelac")).toBe(false);
    expect(await c.verify("bob", "lovelace")).toBe(false);
    expect(await c.verify("ada", "")).toBe(false);
  });

  it("takes a list of pairs", async () => {
    const c = new Credentials([
      ["ada", "one"],
      ["alan", "two"],
    ]);
    expect(await c.verify("ada", "one")).toBe(true);
    expect(await c.verify("alan", "two")).toBe(true);
    expect(await c.verify("ada", "two")).toBe(false);
  });

  it("takes a sync or async function, and a function that throws refuses", async () => {
    expect(await new Credentials((u, p) => u === p).verify("x", "x")).toBe(true);
    expect(await new Credentials(async (u, p) => u === p).verify("x", "y")).toBe(false);
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(
      await new Credentials(() => {
        throw new Error("db down");
      }).verify("x", "x"),
    ).toBe(false);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("only true admits (a truthy non-boolean does not)", async () => {
    expect(await new Credentials((() => "yes") as never).verify("x", "x")).toBe(false);
  });

  it("rejects malformed specs with a message naming the problem", () => {
    expect(() => new Credentials([] as never)).toThrow(/\[username, password\] pair/);
    expect(() => new Credentials([["ada"]] as never)).toThrow(/entry 0 is not a \[username, password\] pair/);
    expect(() => new Credentials([["ada", 1]] as never)).toThrow(/entry 0/);
    expect(() => new Credentials(["  ", "pw"])).toThrow(/empty username/);
  });

  it("compares passwords with timingSafeEqual on digests, whatever their lengths", async () => {
    const crypto = await import("node:crypto");
    // Digests have one length, so timingSafeEqual never throws on passwords of different lengths.
    const c = new Credentials(["ada", "short"]);
    expect(await c.verify("ada", "a much longer password than the stored one")).toBe(false);
    expect(await c.verify("nobody", "x".repeat(10_000))).toBe(false);
    expect(typeof crypto.timingSafeEqual).toBe("function");
  });
});
