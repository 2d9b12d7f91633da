import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch } from "./index.js";
import { customCssAndHead, pageHead } from "./page-head.js";

describe("the page's head", () => {
  it("joins css with css_paths and head with head_paths, and keeps CSS inside its style element", () => {
    const dir = mkdtempSync(join(tmpdir(), "vt-head-"));
    writeFileSync(join(dir, "a.css"), ".a { color: red; }");
    writeFileSync(join(dir, "h.html"), '<meta name="x" content="y">');
    const parts = customCssAndHead({ css: ".b{}", css_paths: [join(dir, "a.css")], head: "<!-- h -->", head_paths: join(dir, "h.html") });
    expect(parts).toEqual({ css: ".b{}\n.a { color: red; }", head: '<!-- h -->\n<meta name="x" content="y">' });
    const html = pageHead({ themeCss: ":root{}", css: "a::after { content: '</style><script>alert(1)</script>'; }", head: null });
    expect(html.match(/<\/style>/g)).toHaveLength(2);
    expect(html).toContain("<\\/style><script>alert(1)");
    expect(() => customCssAndHead({ css_paths: join(dir, "missing.css") })).toThrow(/Could not read .*missing\.css/);
  });

  it("puts the config in the page exactly: `$$`, `$&` and `$'` in a value stay as written", async () => {
    const value = "LaTeX $$x^2$$, a match $& and a suffix $' stay";
    const server = await launch(Blocks(() => void Textbox({ value })), { server_port: 0, quiet: true });
    try {
      const html = await (await fetch(server.url)).text();
      const config = JSON.parse(html.match(/window\.__VITRINE_CONFIG__=(.*?);<\/script>/)![1]!) as { components: { props: { value?: unknown } }[] };
      expect(config.components.some((c) => c.props.value === value)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("serves the theme, custom CSS and head in the page, and refuses an unknown theme name at launch", async () => {
    const app = Blocks({ theme: "soft", css: ".mine { color: red; }", head: '<meta name="vt" content="1">' }, () => {
      Textbox();
    });
    const server = await launch(app, { server_port: 0, quiet: true });
    try {
      const html = await (await fetch(server.url)).text();
      expect(html).toContain('<style id="vt-theme">');
      expect(html).toContain("--button-primary-background-fill");
      expect(html).toContain('<style data-vitrine="custom-css">.mine { color: red; }</style>');
      expect(html).toContain('<meta name="vt" content="1">');
      expect(html).toContain("__theme");
      const css = await fetch(`${server.url}theme.css`);
      expect(css.headers.get("content-type")).toMatch(/text\/css/);
    } finally {
      await server.close();
    }
    await expect(launch(Blocks({ theme: "nope" }, () => {}), { server_port: 0, quiet: true })).rejects.toThrow(/nope/);
  });

  it("takes the theme, css, js and head at launch too, as Gradio 6 does", async () => {
    const app = Blocks({ theme: "soft", css: ".own {}" }, () => {
      Textbox();
    });
    const server = await launch(app, { server_port: 0, quiet: true, theme: "ocean", js: "() => 1", head: "<!-- at launch -->" });
    try {
      const html = await (await fetch(server.url)).text();
      const config = (await (await fetch(`${server.url}config`)).json()) as { theme: string; js: string | null; css: string | null };
      expect(config).toMatchObject({ theme: "ocean", js: "() => 1", css: ".own {}" });
      expect(html).toContain("<!-- at launch -->");
    } finally {
      await server.close();
    }
  });
});
