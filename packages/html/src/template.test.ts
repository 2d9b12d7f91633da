import { describe, expect, it } from "@jest/globals";
import { compileTemplate } from "./handlebars.js";
import { TemplateError, renderTemplate, usesHandlebars } from "./template.js";

describe("renderTemplate", () => {
  it("evaluates ${…} expressions over the values, as a JavaScript template string", () => {
    expect(renderTemplate("${value}", { value: "<b>hi</b>" })).toBe("<b>hi</b>");
    expect(renderTemplate("<p>${value.length} letters, ${value.toUpperCase()}</p>", { value: "John" })).toBe("<p>4 letters, JOHN</p>");
    expect(renderTemplate('<h1 style="font-size: ${fontSize}px">${value}</h1>', { value: "x", fontSize: 30 })).toBe(
      '<h1 style="font-size: 30px">x</h1>',
    );
    expect(renderTemplate("${ {a: 1}.a + [1, 2].length } ${'}'}", { value: "" })).toBe("3 }");
    expect(renderTemplate("${value}", { value: ["a", "b"] })).toBe("a,b");
  });

  it("renders Handlebars loops, branches and escaped values, with ${…} results in place", () => {
    const out = renderTemplate(
      "<h1>${value.length} fruits</h1><ul>{{#each value}}<li>{{this}} ${value.length}</li>{{/each}}</ul>{{#if open}}open{{else}}shut{{/if}}",
      { value: ["apple", "<b>"], open: false },
      compileTemplate,
    );
    expect(out).toBe("<h1>2 fruits</h1><ul><li>apple 2</li><li>&lt;b&gt; 2</li></ul>shut");
    expect(renderTemplate("{{{value}}}", { value: "<i>raw</i>" }, compileTemplate)).toBe("<i>raw</i>");
    expect(usesHandlebars("{{value}}")).toBe(true);
    expect(usesHandlebars("${value}")).toBe(false);
  });

  it("never reads a value as template syntax", () => {
    const value = "${globalThis.pwned = 1} {{value}} `";
    expect(renderTemplate("<p>${value}</p>", { value })).toBe(`<p>${value}</p>`);
    expect(renderTemplate("<p>{{value}}</p><i>${value.length}</i>", { value }, compileTemplate)).toBe(
      `<p>$\{globalThis.pwned &#x3D; 1} {{value}} &#x60;</p><i>${value.length}</i>`,
    );
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it("reports templates that do not render as a TemplateError", () => {
    expect(() => renderTemplate("${value.nope.deeper}", { value: "x" })).toThrow(TemplateError);
    expect(() => renderTemplate("${value.nope.deeper}", { value: "x" })).toThrow(/value\.nope\.deeper/);
    expect(() => renderTemplate("${value", { value: "x" })).toThrow(/unclosed/);
    expect(() => renderTemplate("{{#each value}}", { value: [] }, compileTemplate)).toThrow(TemplateError);
    expect(() => renderTemplate("{{value}}", { value: "x" })).toThrow(/Handlebars, which is not loaded/);
  });
});
