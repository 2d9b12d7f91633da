/**
 * Issue 12, findings of a probe of the landed server, seen from a real browser through the
 * gallery: Markdown that kept `<style>` and `position: fixed` (restyling or covering the whole
 * page), and the page's security headers (no clickjacking protection). The server-side findings
 * (session takeover, paths in 404s and errors) are tested in packages/server/src/security-headers.test.ts.
 */
import { describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { useBrowserSuite } from "./browser.js";

const HOSTILE = [
  "# Harmless title",
  "",
  "<style>body, .gradio-container { background: rgb(255, 0, 0) !important; display: none !important; } * { color: rgb(0, 255, 0) !important; }</style>",
  "",
  '<div id="cover" style="position: fixed; inset: 0; z-index: 99999; background: rgb(0, 0, 255); color: rgb(1, 2, 3)">Click me</div>',
  "",
  '<span id="sticky" style="position: sticky; top: 0">stuck</span> and <span id="kept" style="color: rgb(10, 20, 30)">kept</span>',
].join("\n");

function hostileDemo() {
  return vt.Blocks(() => {
    vt.Markdown(HOSTILE);
    vt.Textbox({ label: "Name" });
  });
}

describe("Probe findings in a browser", () => {
  const suite = useBrowserSuite({ hostile: { create: hostileDemo, description: "Markdown that tries to restyle the page" } });

  it("Markdown that keeps <style> and position: fixed: neither restyles nor covers the page", async () => {
    const page = await suite.open("hostile");
    await page.getByText("Harmless title").waitFor();
    await page.locator("#kept").waitFor();
    const seen = await page.evaluate(() => {
      const md = document.querySelector(".vt-markdown")!;
      const position = (sel: string) => getComputedStyle(document.querySelector(sel)!).position;
      return {
        styles: md.querySelectorAll("style").length,
        cover: position("#cover"),
        sticky: position("#sticky"),
        kept: getComputedStyle(document.querySelector("#kept")!).color,
        bodyBackground: getComputedStyle(document.body).backgroundColor,
        bodyDisplay: getComputedStyle(document.body).display,
      };
    });
    expect(seen.styles).toBe(0);
    expect(seen.cover).toBe("static");
    expect(seen.sticky).toBe("static");
    expect(seen.kept).toBe("rgb(10, 20, 30)");
    expect(seen.bodyBackground).not.toBe("rgb(255, 0, 0)");
    expect(seen.bodyDisplay).not.toBe("none");
    // The page stays usable: its textbox takes input.
    await page.getByLabel("Name").fill("still here");
    await expect(page.getByLabel("Name").inputValue()).resolves.toBe("still here");
  });

  it("No clickjacking protection: the page is sent with frame-ancestors 'self', nosniff and a referrer policy", async () => {
    const res = await fetch(`${suite.url}hostile/`);
    await res.text();
    expect(res.status).toBe(200);
    // The page's script policy (security-headers.ts) ends with the frame-ancestors directive.
    expect(res.headers.get("content-security-policy")).toMatch(/(^|; )frame-ancestors 'self'$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
