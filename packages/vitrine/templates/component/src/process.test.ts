import { describe, expect, it } from "@jest/globals";
import { __CLASS__, __CLASS__Component } from "./index.js";

describe("__CLASS__", () => {
  it("passes strings through and reads a missing value as empty", () => {
    const c = __CLASS__({ label: "Message" });
    expect(c).toBeInstanceOf(__CLASS__Component);
    expect(c.preprocess("hi")).toBe("hi");
    expect(c.preprocess(null)).toBe("");
    expect(c.postprocess(null)).toBe("");
    expect(() => c.preprocess(1 as unknown as string)).toThrow(TypeError);
  });
});
