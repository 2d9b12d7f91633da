import { describe, expect, test } from "@jest/globals";
import {
  Base,
  Citrus,
  colors,
  Default,
  defaultThemeCss,
  Glass,
  Monochrome,
  Ocean,
  Origin,
  Soft,
  Theme,
  themeByName,
  themes,
  VITRINE_VARIABLES,
  type ColorMode,
} from "./index.js";

/** Every variable the page and Gradio-compatible custom CSS may rely on. */
const REQUIRED = [
  ...["primary", "secondary", "neutral"].flatMap((hue) => [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950].map((s) => `${hue}-${s}`)),
  ...["spacing", "radius", "text"].flatMap((kind) => ["xxs", "xs", "sm", "md", "lg", "xl", "xxl"].map((s) => `${kind}-${s}`)),
  "font", "font-mono",
  "body-background-fill", "body-text-color", "body-text-color-subdued", "body-text-size", "body-text-weight",
  "background-fill-primary", "background-fill-secondary", "border-color-primary", "border-color-accent",
  "border-color-accent-subdued", "color-accent", "color-accent-soft", "link-text-color", "link-text-color-hover",
  "link-text-color-visited", "link-text-color-active", "code-background-fill", "prose-text-size", "prose-text-weight",
  "prose-header-text-weight", "shadow-drop", "shadow-drop-lg", "shadow-inset", "shadow-spread", "block-background-fill",
  "block-border-color", "block-border-width", "block-info-text-color", "block-info-text-size", "block-info-text-weight",
  "block-label-background-fill", "block-label-border-color", "block-label-text-color", "block-label-text-size",
  "block-label-text-weight", "block-label-padding", "block-label-radius", "block-padding", "block-radius", "block-shadow",
  "block-title-text-color", "block-title-text-size", "block-title-text-weight", "container-radius", "form-gap-width",
  "layout-gap", "panel-background-fill", "panel-border-color", "panel-border-width", "section-header-text-size",
  "section-header-text-weight", "accordion-text-color", "checkbox-background-color", "checkbox-background-color-selected",
  "checkbox-border-color", "checkbox-border-color-focus", "checkbox-border-color-selected", "checkbox-border-radius",
  "checkbox-label-background-fill", "checkbox-label-background-fill-hover", "checkbox-label-background-fill-selected",
  "checkbox-label-border-color", "checkbox-label-border-color-selected", "checkbox-label-text-color",
  "checkbox-label-text-color-selected", "checkbox-label-padding", "checkbox-label-gap", "error-background-fill",
  "error-border-color", "error-text-color", "error-icon-color", "input-background-fill", "input-background-fill-focus",
  "input-border-color", "input-border-color-focus", "input-border-width", "input-padding", "input-placeholder-color",
  "input-radius", "input-shadow", "input-shadow-focus", "input-text-size", "loader-color", "slider-color",
  "stat-background-fill", "table-border-color", "table-even-background-fill", "table-odd-background-fill", "table-radius",
  "table-row-focus", "button-border-width", "button-transition", "button-shadow", "button-large-padding",
  "button-large-radius", "button-large-text-size", "button-large-text-weight", "button-small-padding",
  "button-small-radius", "button-small-text-size", "button-primary-background-fill",
  "button-primary-background-fill-hover", "button-primary-border-color", "button-primary-text-color",
  "button-primary-text-color-hover", "button-secondary-background-fill", "button-secondary-background-fill-hover",
  "button-secondary-border-color", "button-secondary-text-color", "button-secondary-text-color-hover",
  "button-cancel-background-fill", "button-cancel-background-fill-hover", "button-cancel-border-color",
  "button-cancel-text-color", "button-cancel-text-color-hover",
  "vt-info-color", "vt-info-background-fill", "vt-warning-color", "vt-warning-background-fill", "vt-success-color",
  "vt-success-background-fill", "vt-overlay-background-fill", "vt-max-width",
].map((name) => `--${name}`);

const ALL = Object.entries(themes);
const MODES: ColorMode[] = ["light", "dark"];

describe("prebuilt themes", () => {
  test("the eight themes, by name", () => {
    expect(Object.keys(themes)).toEqual(["Base", "Default", "Origin", "Citrus", "Monochrome", "Soft", "Glass", "Ocean"]);
    expect([Base, Default, Origin, Citrus, Monochrome, Soft, Glass, Ocean].map((f) => f().name)).toEqual([
      "base", "default", "origin", "citrus", "monochrome", "soft", "glass", "ocean",
    ]);
  });

  test.each(ALL)("%s defines every variable the page needs, in both modes", (_, make) => {
    const theme = make();
    for (const mode of MODES) {
      const vars = theme.variables(mode, { resolved: true });
      for (const name of REQUIRED) {
        expect([name, vars[name]?.trim() ? "set" : "missing"]).toEqual([name, "set"]);
      }
      for (const variant of ["primary", "secondary", "cancel"]) {
        expect(vars[`--button-${variant}-shadow`]).toBeDefined();
      }
    }
  });

  test.each(ALL)("%s has a dark body, text and blocks of its own", (_, make) => {
    const theme = make();
    for (const name of ["body_background_fill", "body_text_color", "block_background_fill", "background_fill_primary", "border_color_primary", "input_background_fill"] as const) {
      expect([name, theme.resolve(name, "dark")]).not.toEqual([name, theme.resolve(name, "light")]);
    }
  });

  test.each(ALL)("%s survives a JSON round trip", (_, make) => {
    const theme = make();
    const again = Theme.fromJSON(JSON.parse(JSON.stringify(theme)));
    expect(again.css()).toBe(theme.css());
    expect(again.name).toBe(theme.name);
    expect(again.toJSON()).toEqual(theme.toJSON());
  });

  test("every pair of themes looks different in light and in dark", () => {
    const look = (make: () => Theme, mode: ColorMode) => {
      const t = make();
      return ["button_primary_background_fill", "block_radius", "block_shadow", "block_background_fill", "button_secondary_background_fill"]
        .map((name) => t.resolve(name as "block_radius", mode))
        .join(" | ");
    };
    for (const mode of MODES) {
      const looks = ALL.map(([name, make]) => [name, look(make, mode)] as const);
      for (const [i, [a, lookA]] of looks.entries()) {
        for (const [b, lookB] of looks.slice(i + 1)) expect([a, b, lookA]).not.toEqual([a, b, lookB]);
      }
    }
  });

  test("Default is Gradio 5's: orange primary, rounded, subtle shadows, red Stop", () => {
    const theme = Default();
    expect(theme.resolve("button_primary_background_fill")).toBe(colors.orange[500]);
    expect(theme.resolve("block_radius")).toBe("8px");
    expect(theme.resolve("block_shadow")).toBe("rgba(0,0,0,0.05) 0px 1px 2px 0px");
    expect(theme.resolve("button_cancel_background_fill")).toBe(colors.red[500]);
    expect(theme.resolve("body_background_fill", "dark")).toBe(colors.zinc[950]);
  });

  test("Ocean and Glass fill their buttons with gradients", () => {
    for (const make of [Ocean, Glass]) {
      for (const mode of MODES) expect(make().resolve("button_primary_background_fill", mode)).toMatch(/^linear-gradient\(/);
    }
  });

  test("a prebuilt theme is called or constructed, takes options, and is its own", () => {
    const soft = new Soft({ primary_hue: "rose" });
    expect(soft).toBeInstanceOf(Theme);
    expect(soft).toBeInstanceOf(Soft);
    expect(soft).not.toBeInstanceOf(Ocean);
    expect(soft.resolve("primary_500")).toBe(colors.rose[500]);
    expect(soft.resolve("neutral_500")).toBe(colors.gray[500]);
    expect(Soft.themeName).toBe("soft");
    expect(Soft.name).toBe("Soft");
    // Each call makes a fresh theme: changing one leaves the next alone.
    Soft().set({ block_radius: "0px" });
    expect(Soft().resolve("block_radius")).not.toBe("0px");
  });

  test("themeByName() is case-insensitive and lists the names when it knows none", () => {
    expect(themeByName("soft").name).toBe("soft");
    expect(themeByName("OCEAN").css()).toBe(Ocean().css());
    expect(() => themeByName("Solarized")).toThrow(
      'Unknown theme "Solarized": choose one of Base, Default, Origin, Citrus, Monochrome, Soft, Glass, Ocean.',
    );
  });

  test("defaultThemeCss() is the Default theme's stylesheet", () => {
    expect(defaultThemeCss()).toBe(Default().css());
    expect(defaultThemeCss()).toContain("--vt-max-width: 1280px;");
  });

  test("Vitrine's own variables are the --vt- ones", () => {
    expect(VITRINE_VARIABLES).toEqual([
      "vt_info_color",
      "vt_info_background_fill",
      "vt_warning_color",
      "vt_warning_background_fill",
      "vt_success_color",
      "vt_success_background_fill",
      "vt_overlay_background_fill",
      "vt_max_width",
    ]);
  });
});
