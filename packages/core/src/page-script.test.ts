import { describe, expect, it } from "@jest/globals";
import { evaluateScript, pageScriptNonce } from "./browser.js";

// In Node there is no document: the source is compiled with `new Function` (the page's path, a
// script with the nonce, is run by the HTML view's DOM tests and the browser CSP test).
describe("evaluateScript outside a browser", () => {
  it("returns what an expression evaluates to, a function included", () => {
    expect(evaluateScript("1 + 2")).toEqual({ value: 3 });
    const outcome = evaluateScript("(x) => x * 2 // a trailing comment");
    expect("value" in outcome && (outcome.value as (x: number) => number)(21)).toBe(42);
  });

  it("is strict unless told not to be", () => {
    expect(evaluateScript("(function () { return this; })()")).toEqual({ value: undefined });
    expect(evaluateScript("(function () { return this; })()", { strict: false })).toEqual({ value: globalThis });
  });

  it("gives the error of a source that does not parse or throws, and never throws itself", () => {
    const syntax = evaluateScript("(x) =>");
    expect("error" in syntax && syntax.error).toBeInstanceOf(SyntaxError);
    const thrown = evaluateScript("(() => { throw new RangeError('no'); })()");
    expect("error" in thrown && thrown.error).toBeInstanceOf(RangeError);
  });

  it("finds no page nonce without a document", () => {
    expect(pageScriptNonce()).toBe("");
  });
});
