/**
 * Probe finding (issue 12): Markdown kept `<style>` and `position: fixed`, so a message could
 * restyle or cover the whole page. The sanitizer (used by Markdown, Chatbot, Dataframe cells and
 * ParamViewer) now drops both and keeps ordinary inline styles.
 */
import { describe, expect, it } from "@jest/globals";
import createDOMPurify, { type WindowLike } from "dompurify";
import { JSDOM } from "jsdom";
import { renderMarkdown } from "./render.js";

const purify = createDOMPurify(new JSDOM("").window as unknown as WindowLike);
const render = (text: string) => renderMarkdown(text, { purify });

describe("Markdown that restyles or covers the whole page", () => {
  it("drops <style> elements, in blocks and inline", () => {
    const html = render("<style>body { display: none }</style>\n\nhi <style>*{color:red}</style> there");
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toContain("display: none");
    expect(html).toContain("hi");
    expect(html).toContain("there");
  });

  it.each([
    ['<div style="position: fixed; inset: 0; background: red">x</div>'],
    ['<div style="POSITION:FIXED;top:0">x</div>'],
    ['<div style="position: fixed !important; top: 0">x</div>'],
    ['<div style="position:/* */fixed;top:0">x</div>'],
    ['<div style="position: sticky; top: 0">x</div>'],
    ['<div style="position: fi\\78 ed; top: 0">x</div>'],
    ['<span style="p\\6fsition: fixed">x</span>'],
  ])("removes page-covering positions from inline styles: %s", (input) => {
    const html = render(input);
    expect(html).toContain(">x<");
    expect(html).not.toMatch(/fixed|sticky|\\/i);
  });

  it("keeps ordinary inline styles, and the rest of a style whose position it drops", () => {
    expect(render('<span style="color: red; font-weight: bold">a</span>')).toContain('style="color: red; font-weight: bold"');
    expect(render('<div style="position: relative; top: 2px">b</div>')).toMatch(/position: relative/);
    const dropped = render('<div style="position: fixed; color: blue">c</div>');
    expect(dropped).toContain("color: blue");
    expect(dropped).not.toContain("fixed");
  });
});
