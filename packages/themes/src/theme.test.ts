import { describe, expect, test } from "@jest/globals";
import { colors, cssVariable, fontStack, HUE_NAMES, SHADES, sizes, SIZE_STEPS, Theme, THEME_VARIABLES, type Hue } from "./index.js";

describe("hues, sizes and fonts as data", () => {
  test("22 hues, each with the eleven shades", () => {
    expect(HUE_NAMES).toEqual([
      "slate", "gray", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green",
      "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose",
    ]);
    for (const name of HUE_NAMES) {
      for (const shade of SHADES) expect(colors[name][shade]).toMatch(/^#[0-9a-f]{6}$/);
      expect(colors[name].name).toBe(name);
    }
    expect(colors.blue[500]).toBe("#3b82f6");
  });

  test("size scales have the seven steps", () => {
    for (const name of ["spacing_sm", "spacing_md", "spacing_lg", "radius_none", "radius_sm", "radius_md", "radius_lg", "text_sm", "text_md", "text_lg"] as const) {
      for (const step of SIZE_STEPS) expect(sizes[name][step]).toMatch(/^\d+px$/);
    }
    expect(sizes.text_md.md).toBe("14px");
  });

  test("font stacks quote family names and leave generic families bare", () => {
    expect(fontStack(["IBM Plex Mono", "ui-monospace", "monospace"])).toBe('"IBM Plex Mono", ui-monospace, monospace');
    expect(() => fontStack(['Evil"; } body { x: y'])).toThrow(/not a plain family name/);
    expect(() => fontStack([])).toThrow(/at least one/);
  });
});

describe("Theme", () => {
  test("derives the palette variables from its hues", () => {
    const light = new Theme({ primary_hue: "emerald", secondary_hue: colors.pink, neutral_hue: "stone" }).variables("light");
    for (const shade of SHADES) {
      expect(light[`--primary-${shade}`]).toBe(colors.emerald[shade]);
      expect(light[`--secondary-${shade}`]).toBe(colors.pink[shade]);
      expect(light[`--neutral-${shade}`]).toBe(colors.stone[shade]);
    }
  });

  test("takes a custom hue object", () => {
    const brand = Object.fromEntries(SHADES.map((s, i) => [s, `#0000${(i * 20 + 10).toString(16).padStart(2, "0")}`])) as unknown as Hue;
    expect(new Theme({ primary_hue: brand }).variables()["--primary-500"]).toBe(brand[500]);
    expect(() => new Theme({ primary_hue: { ...brand, 500: "red; }" } as Hue })).toThrow(/primary_hue shade 500/);
    expect(() => new Theme({ primary_hue: { 50: "#fff" } as unknown as Hue })).toThrow(/shade 100/);
  });

  test("derives sizes by short name, full name or object, and the fonts", () => {
    const vars = new Theme({ spacing_size: "lg", radius_size: "radius_none", text_size: sizes.text_sm, font: "Inter", font_mono: ["Fira Code", "monospace"] }).variables();
    for (const step of SIZE_STEPS) {
      expect(vars[`--spacing-${step}`]).toBe(sizes.spacing_lg[step]);
      expect(vars[`--radius-${step}`]).toBe("0px");
      expect(vars[`--text-${step}`]).toBe(sizes.text_sm[step]);
    }
    expect(vars["--font"]).toBe('"Inter"');
    expect(vars["--font-mono"]).toBe('"Fira Code", monospace');
  });

  test("rejects unknown options, hues and sizes with the choices", () => {
    expect(() => new Theme({ primary_hues: "blue" } as never)).toThrow(/Unknown theme option "primary_hues" \(did you mean "primary_hue"\?\)/);
    expect(() => new Theme({ primary_hue: "bleu" as never })).toThrow(/Unknown hue "bleu".*slate, gray/);
    expect(() => new Theme({ radius_size: "huge" as never })).toThrow(/"none", "sm", "md", "lg", "xxl"/);
  });

  test("*references become var() in the stylesheet and are followed by resolve()", () => {
    const theme = new Theme({ primary_hue: "orange" });
    expect(theme.variables("light")["--color-accent"]).toBe("var(--primary-500)");
    expect(theme.variables("light")["--block-padding"]).toBe("var(--spacing-xl) calc(var(--spacing-xl) + 2px)");
    expect(theme.resolve("color_accent")).toBe(colors.orange[500]);
    expect(theme.resolve("--loader-color")).toBe(colors.orange[500]);
    expect(theme.variables("light", { resolved: true })["--block-padding"]).toBe("10px calc(10px + 2px)");
    expect(theme.resolve("body_background_fill", "light")).toBe("white");
    expect(theme.resolve("body_background_fill", "dark")).toBe(colors.zinc[950]);
  });

  test("a dark value falls back to the light one, unless the attribute has a dark default", () => {
    const theme = new Theme().set({ block_radius: "3px", body_text_color: "*neutral_900" });
    expect(theme.variables("dark")["--block-radius"]).toBe("3px");
    expect(theme.variables("dark")["--body-text-color"]).toBe("var(--neutral-100)");
    theme.set({ block_radius_dark: "9px" });
    expect(theme.variables("light")["--block-radius"]).toBe("3px");
    expect(theme.variables("dark")["--block-radius"]).toBe("9px");
  });

  test("set() overrides, chains, and null drops an override", () => {
    const theme = new Theme();
    expect(theme.set({ button_primary_background_fill: "*secondary_500", body_background_fill_dark: "#000" })).toBe(theme);
    expect(theme.variables("light")["--button-primary-background-fill"]).toBe("var(--secondary-500)");
    expect(theme.variables("dark")["--body-background-fill"]).toBe("#000");
    expect(theme.overrides).toEqual({ button_primary_background_fill: "*secondary_500", body_background_fill_dark: "#000" });
    theme.set({ body_background_fill_dark: null, block_shadow: undefined });
    expect(theme.variables("dark")["--body-background-fill"]).toBe("var(--background-fill-primary)");
    expect(theme.overrides).toEqual({ button_primary_background_fill: "*secondary_500" });
  });

  test("set() names every unknown attribute with the closest known one, and changes nothing", () => {
    const theme = new Theme();
    let message = "";
    try {
      theme.set({ block_radius: "2px", buton_primary_background_fill: "red", body_backgroud_fill_dark: "red", zzz: "1" } as never);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/Unknown theme attributes: "buton_primary_background_fill" \(did you mean "button_primary_background_fill"\?\)/);
    expect(message).toMatch(/"body_backgroud_fill_dark" \(did you mean "body_background_fill_dark"\?\)/);
    expect(message).toMatch(/"zzz"\./);
    expect(theme.overrides).toEqual({});
  });

  test("set() rejects bad references and cycles without changing the theme", () => {
    const theme = new Theme().set({ block_radius: "4px" });
    expect(() => theme.set({ color_accent: "*primari_500" })).toThrow(/unknown attribute "\*primari_500" \(did you mean "\*primary_500"\?\)/);
    expect(() => theme.set({ color_accent_dark: "*primary_500_dark" })).toThrow(/refer to "\*primary_500"/);
    expect(() => theme.set({ background_fill_primary: "*body_background_fill" })).toThrow(/Circular theme reference/);
    expect(() => theme.set({ block_radius: "5px", color_accent: "*color_accent" })).toThrow(/color_accent → color_accent/);
    expect(theme.overrides).toEqual({ block_radius: "4px" });
    expect(theme.resolve("body_background_fill")).toBe("white");
  });

  test("css() holds light variables on :root and dark ones on .dark", () => {
    const css = new Theme({ primary_hue: "rose" }).css();
    expect(css.startsWith(":root {\n  color-scheme: light;\n  --primary-50: #fff1f2;\n")).toBe(true);
    expect(css).toContain("\n:root.dark, .dark {\n  color-scheme: dark;\n");
    expect(css).toContain("  --body-text-color: var(--neutral-100);\n");
    const blocks = css.match(/\{[^{}]*\}/g) ?? [];
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block.match(/^\s+--/gm)).toHaveLength(THEME_VARIABLES.length);
  });

  test("values that could leave their declaration are rejected", () => {
    const theme = new Theme();
    for (const bad of [
      "red; } body { display: none",
      "red }",
      "{",
      "</style><script>alert(1)</script>",
      "red /* comment",
      "url(x",
      "rgb(0 0 0))",
      "'open",
      "a\nb",
      "\\7d",
      "",
    ]) {
      expect(() => theme.set({ body_background_fill: bad })).toThrow(TypeError);
    }
    expect(() => theme.set({ body_background_fill: 42 as never })).toThrow(/not a string/);
    expect(() => theme.set({ body_background_fill: "red;" })).toThrow(/body_background_fill is rejected because it contains ";"/);
    // Functions and gradients with balanced parentheses stay valid.
    theme.set({ body_background_fill: "linear-gradient(120deg, *primary_500 0%, rgb(0 0 0 / 0.5) 100%)" });
    expect(theme.css()).toContain("--body-background-fill: linear-gradient(120deg, var(--primary-500) 0%, rgb(0 0 0 / 0.5) 100%);");
  });

  test("the stylesheet names each attribute after Gradio's, in kebab case", () => {
    expect(cssVariable("button_primary_background_fill")).toBe("--button-primary-background-fill");
    expect(Object.keys(new Theme().variables())).toEqual(THEME_VARIABLES.map(cssVariable));
  });

  test("toJSON() and fromJSON() round trip a custom theme", () => {
    const brand = { ...colors.teal, 500: "#123456", name: "brand" } as Hue;
    const theme = new Theme({ primary_hue: brand, neutral_hue: colors.slate, radius_size: "lg", font: ["Inter", "sans-serif"] }, "mine")
      .set({ block_shadow: "*shadow_drop_lg", body_background_fill_dark: "#000" });
    const json = JSON.parse(JSON.stringify(theme));
    expect(json).toEqual({
      name: "mine",
      options: {
        primary_hue: { ...colors.teal, 500: "#123456", name: "brand" },
        secondary_hue: "blue",
        neutral_hue: "slate",
        spacing_size: "md",
        radius_size: "lg",
        text_size: "md",
        font: ["Inter", "sans-serif"],
        font_mono: ["IBM Plex Mono", "ui-monospace", "Consolas", "monospace"],
      },
      overrides: { block_shadow: "*shadow_drop_lg", body_background_fill_dark: "#000" },
    });
    const again = Theme.fromJSON(json);
    expect(again.name).toBe("mine");
    expect(again.css()).toBe(theme.css());
    expect(again.toJSON()).toEqual(json);
    expect(Theme.fromJSON(JSON.stringify(theme)).css()).toBe(theme.css());
  });

  test("fromJSON() rejects what is not a theme", () => {
    expect(() => Theme.fromJSON("[]")).toThrow(/must be an object/);
    expect(() => Theme.fromJSON({ name: "x", options: {}, overrides: { nope: "1" } })).toThrow(/Unknown theme attribute: "nope"/);
    expect(() => Theme.fromJSON({ name: "x", options: {}, overrides: { block_radius: "1px}" } })).toThrow(/rejected/);
  });
});
