import { describe, expect, it } from "@jest/globals";
import { describeProgress, formatQueue, formatSeconds, formatTimer } from "./format.js";

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

describe("describeProgress", () => {
  const unit = { index: null, length: null, unit: "steps", progress: null, desc: null };

  it("reads steps out of a total, with the description first", () => {
    expect(describeProgress({ ...unit, index: 3, length: 10, desc: "Loading" })).toEqual({
      desc: "Loading",
      percent: 30,
      text: "Loading 3/10 steps",
    });
    expect(describeProgress({ ...unit, index: 1, length: 4, unit: "files" })!.text).toBe("1/4 files");
  });

  it("reads a fraction as a whole percent, clamped to 0–100", () => {
    expect(describeProgress({ ...unit, progress: 0.304, desc: "Thinking" })).toEqual({
      desc: "Thinking",
      percent: 30,
      text: "Thinking 30%",
    });
    expect(describeProgress({ ...unit, progress: 1.7 })!.percent).toBe(100);
  });

  it("shows a bare step count or a description alone as indeterminate", () => {
    expect(describeProgress({ ...unit, index: 4, unit: "files" })).toEqual({ desc: null, percent: null, text: "4 files" });
    expect(describeProgress({ ...unit, desc: "Warming up" })).toEqual({ desc: "Warming up", percent: null, text: "Warming up" });
  });

  it("skips an entry with nothing to show", () => {
    expect(describeProgress(unit)).toBeNull();
  });
});
