import { describe, expect, it } from "@jest/globals";
import { formatQueue, formatSeconds, formatTimer } from "./format.js";

describe("formatSeconds", () => {
  it("shows tenths of a second under a minute", () => {
    expect(formatSeconds(0)).toBe("0.0s");
    expect(formatSeconds(0.44)).toBe("0.4s");
    expect(formatSeconds(12.36)).toBe("12.4s");
    expect(formatSeconds(59.9)).toBe("59.9s");
  });

  it("shows minutes and seconds from a minute on", () => {
    expect(formatSeconds(60)).toBe("1m 00s");
    expect(formatSeconds(125.7)).toBe("2m 05s");
  });

  it("never shows negative time (clock skew)", () => {
    expect(formatSeconds(-0.3)).toBe("0.0s");
  });
});

describe("formatTimer", () => {
  it("is the elapsed time alone without an estimate", () => {
    expect(formatTimer(1.23)).toBe("1.2s");
    expect(formatTimer(1.23, null)).toBe("1.2s");
  });

  it("adds the estimate while it is ahead", () => {
    expect(formatTimer(1.23, 5)).toBe("1.2/5.0s");
  });

  it("drops the estimate once passed", () => {
    expect(formatTimer(6.01, 5)).toBe("6.0s");
  });
});

describe("formatQueue", () => {
  it("shows positions above zero", () => {
    expect(formatQueue(3)).toBe("queue: 3");
  });

  it("shows nothing when running or unknown", () => {
    expect(formatQueue(0)).toBeNull();
    expect(formatQueue(null)).toBeNull();
    expect(formatQueue(undefined)).toBeNull();
  });
});
