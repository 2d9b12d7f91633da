/**
 * The `Theme` class: hues, sizes and fonts in, CSS variables out, for light and dark mode.
 */
import {
  cssVariable,
  DARK_DEFAULTS,
  LIGHT_DEFAULTS,
  THEME_VARIABLES,
  type HueRole,
  type ThemeAttribute,
  type ThemeVariableName,
} from "./attributes.js";
import { colors, HUE_NAMES, SHADES, type Hue, type HueName } from "./colors.js";
import { fontStack, type FontStack } from "./fonts.js";
import { sizes, SIZE_STEPS, type Size, type SizeKind, type SizeName, type SizeShortName } from "./sizes.js";
import { assertSafeValue, closest, references, REFERENCE } from "./values.js";

/** Light or dark mode. */
export type ColorMode = "light" | "dark";

/** A hue option: a built-in hue's name (`"blue"`) or a hue object (`colors.blue`, or your own). */
export type HueOption = HueName | Hue;

/**
 * A size option of one kind: the scale's short name (`"md"`), its full name (`"spacing_md"`)
 * or a scale object.
 */
export type SizeOption<K extends SizeKind> = SizeShortName<K> | Extract<SizeName, `${K}_${string}`> | Size;

/** What a theme is built from; every option has a default (the Base theme's). */
export interface ThemeOptions {
  /** The main accent hue: primary buttons, focus, sliders, selection. */
  primary_hue?: HueOption;
  /** The second hue: links, secondary accents. */
  secondary_hue?: HueOption;
  /** The gray of text, borders and backgrounds. */
  neutral_hue?: HueOption;
  /** Spacing scale: `"sm"`, `"md"` or `"lg"`, or a scale object. */
  spacing_size?: SizeOption<"spacing">;
  /** Corner radius scale: `"none"`, `"sm"`, `"md"`, `"lg"` or `"xxl"`, or a scale object. */
  radius_size?: SizeOption<"radius">;
  /** Text size scale: `"sm"`, `"md"` or `"lg"`, or a scale object. */
  text_size?: SizeOption<"text">;
  /** The text font: one family or a stack, most wanted first. Never downloaded. */
  font?: string | FontStack;
  /** The code font: one family or a stack, most wanted first. Never downloaded. */
  font_mono?: string | FontStack;
}

/**
 * Attribute overrides for `Theme.set()`: snake_case names as Gradio's, `_dark` for the dark
 * value. `undefined` leaves an attribute alone; `null` drops an earlier override.
 */
export type ThemeOverrides = { [A in ThemeAttribute]?: string | null };

/** A theme as plain JSON: `Theme.fromJSON()` rebuilds it. */
export interface ThemeJSON {
  /** The theme's name (`"default"`, `"ocean"`, or your own). */
  name: string;
  /** The options it was built from. */
  options: ThemeOptions;
  /** Every attribute set on top of the options, the prebuilt theme's own included. */
  overrides: { [attribute: string]: string };
}

/** The option names a theme accepts. */
const OPTION_NAMES = [
  "primary_hue",
  "secondary_hue",
  "neutral_hue",
  "spacing_size",
  "radius_size",
  "text_size",
  "font",
  "font_mono",
] as const satisfies readonly (keyof ThemeOptions)[];

/** The Base theme's options; every other theme starts from these. */
export const BASE_OPTIONS: Readonly<Required<ThemeOptions>> = Object.freeze({
  primary_hue: "blue",
  secondary_hue: "blue",
  neutral_hue: "zinc",
  spacing_size: "md",
  radius_size: "md",
  text_size: "md",
  font: ["IBM Plex Sans", "ui-sans-serif", "system-ui", "sans-serif"],
  font_mono: ["IBM Plex Mono", "ui-monospace", "Consolas", "monospace"],
});

const KNOWN = new Set<string>(THEME_VARIABLES);
const SETTABLE = [...THEME_VARIABLES, ...THEME_VARIABLES.map((name) => `${name}_dark`)];

/** Resolves a hue option to a hue, checking a custom hue's shades. */
function toHue(option: string, value: unknown): Hue {
  if (typeof value === "string") {
    const hue = (colors as Record<string, Hue>)[value];
    if (!hue) {
      throw new TypeError(`Unknown hue ${JSON.stringify(value)} for ${option}: use one of ${HUE_NAMES.join(", ")}, or a hue object.`);
    }
    return hue;
  }
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${option} must be a hue name or a hue object with shades ${SHADES.join(", ")}.`);
  }
  for (const shade of SHADES) assertSafeValue(`${option} shade ${shade}`, (value as Record<number, unknown>)[shade]);
  return value as Hue;
}

/** Resolves a size option of one kind to a scale, checking a custom scale's steps. */
function toSize(option: string, kind: SizeKind, value: unknown): Size {
  if (typeof value === "string") {
    const name = value.startsWith(`${kind}_`) ? value : `${kind}_${value}`;
    const size = (sizes as Record<string, Size>)[name];
    if (!size) {
      const choices = Object.keys(sizes)
        .filter((n) => n.startsWith(`${kind}_`))
        .map((n) => JSON.stringify(n.slice(kind.length + 1)));
      throw new TypeError(`Unknown ${option} ${JSON.stringify(value)}: use one of ${choices.join(", ")}, or a size object.`);
    }
    return size;
  }
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${option} must be a size name or a size object with steps ${SIZE_STEPS.join(", ")}.`);
  }
  for (const step of SIZE_STEPS) assertSafeValue(`${option} step ${step}`, (value as Record<string, unknown>)[step]);
  return value as Size;
}

/** Turns a font option into a list of families. */
function toFonts(option: string, value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
  throw new TypeError(`${option} must be a family name or a list of family names.`);
}

/** The form an option takes in JSON: built-in hues and scales by name, the rest copied. */
function optionForJSON(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return [...value];
  const builtIn = [...Object.values(colors), ...Object.values(sizes)].find((preset) => preset === value);
  if (builtIn?.name) {
    return builtIn.name.startsWith("spacing_") || builtIn.name.startsWith("radius_") || builtIn.name.startsWith("text_")
      ? builtIn.name.slice(builtIn.name.indexOf("_") + 1)
      : builtIn.name;
  }
  return { ...value };
}

/**
 * A theme: the look of a Vitrine page as CSS variables, for light and dark mode, named after
 * Gradio's theme attributes (`--primary-500`, `--body-background-fill`, `--button-primary-text-color`, …).
 *
 * Build one from hues, sizes and fonts, adjust single attributes with {@link Theme.set}, and
 * get the stylesheet with {@link Theme.css}. The prebuilt themes (`Default()`, `Soft()`, …) are
 * themes built this way.
 *
 * @example
 * const theme = new Theme({ primary_hue: "emerald", radius_size: "lg" }, "mine")
 *   .set({ button_primary_background_fill: "*secondary_500", body_background_fill_dark: "#000" });
 * theme.css(); // ":root { --primary-50: #ecfdf5; … }\n:root.dark, .dark { … }"
 */
export class Theme {
  /** The theme's name, kept in its JSON (`"default"`, `"ocean"`, …). */
  readonly name: string;
  readonly #options: Required<ThemeOptions>;
  readonly #core: ReadonlyMap<string, string>;
  #overrides = new Map<string, string>();

  /**
   * Builds a theme from hues, sizes and fonts. Options left out take the Base theme's values
   * (blue, zinc, medium sizes).
   *
   * @throws TypeError for an unknown option, hue or size name, or a value a stylesheet cannot hold.
   */
  constructor(options: ThemeOptions = {}, name = "custom") {
    if (typeof options !== "object" || options === null) throw new TypeError("Theme options must be an object.");
    for (const key of Object.keys(options)) {
      if (!(OPTION_NAMES as readonly string[]).includes(key)) {
        const hint = closest(key, OPTION_NAMES);
        throw new TypeError(`Unknown theme option ${JSON.stringify(key)}${hint ? ` (did you mean "${hint}"?)` : ""}.`);
      }
    }
    if (typeof name !== "string" || !name.trim()) throw new TypeError("A theme name must be a non-empty string.");
    this.name = name;
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ThemeOptions;
    const merged = { ...BASE_OPTIONS, ...given };
    const core = new Map<string, string>();
    for (const role of ["primary", "secondary", "neutral"] as const satisfies readonly HueRole[]) {
      const hue = toHue(`${role}_hue`, merged[`${role}_hue`]);
      for (const shade of SHADES) core.set(`${role}_${shade}`, hue[shade]);
    }
    for (const kind of ["spacing", "radius", "text"] as const) {
      const size = toSize(`${kind}_size`, kind, merged[`${kind}_size`]);
      for (const step of SIZE_STEPS) core.set(`${kind}_${step}`, size[step]);
    }
    const font = toFonts("font", merged.font);
    const fontMono = toFonts("font_mono", merged.font_mono);
    core.set("font", fontStack(font));
    core.set("font_mono", fontStack(fontMono));
    this.#core = core;
    this.#options = { ...merged, font, font_mono: fontMono };
  }

  /** The options the theme was built from, defaults filled in. */
  get options(): Readonly<Required<ThemeOptions>> {
    return { ...this.#options };
  }

  /** The attributes set on top of the options, by name (`_dark` names for dark values). */
  get overrides(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.#overrides);
  }

  /**
   * Overrides attributes, Gradio style: `button_primary_background_fill: "*secondary_500"`
   * sets the light value (and the dark one, unless the attribute has a dark value of its own);
   * `…_dark` sets the dark value only. `*name` refers to another attribute. `null` drops an
   * earlier override. Nothing changes unless every entry is valid.
   *
   * @returns the theme, to chain calls.
   * @throws TypeError naming every unknown attribute (with the closest known name), a value a
   *   stylesheet cannot hold, a reference to an unknown attribute, or a circular reference.
   */
  set(overrides: ThemeOverrides): this {
    if (typeof overrides !== "object" || overrides === null) throw new TypeError("Theme.set() takes an object of attributes.");
    const entries = Object.entries(overrides as Record<string, unknown>).filter(([, v]) => v !== undefined);
    const unknown = entries.map(([key]) => key).filter((key) => !KNOWN.has(key.endsWith("_dark") ? key.slice(0, -5) : key));
    if (unknown.length > 0) {
      const described = unknown.map((key) => {
        const hint = closest(key, SETTABLE);
        return `${JSON.stringify(key)}${hint ? ` (did you mean "${hint}"?)` : ""}`;
      });
      throw new TypeError(`Unknown theme attribute${unknown.length > 1 ? "s" : ""}: ${described.join(", ")}.`);
    }
    const next = new Map(this.#overrides);
    for (const [key, value] of entries) {
      if (value === null) {
        next.delete(key);
        continue;
      }
      assertSafeValue(key, value);
      for (const ref of references(value)) {
        if (ref.endsWith("_dark") && KNOWN.has(ref.slice(0, -5))) {
          throw new TypeError(
            `Theme value for ${key} refers to "*${ref}": refer to "*${ref.slice(0, -5)}" instead; dark mode picks its dark value by itself.`,
          );
        }
        if (!KNOWN.has(ref)) {
          const hint = closest(ref, THEME_VARIABLES);
          throw new TypeError(`Theme value for ${key} refers to unknown attribute "*${ref}"${hint ? ` (did you mean "*${hint}"?)` : ""}.`);
        }
      }
      next.set(key, value);
    }
    // A new cycle goes through a changed attribute: resolving each one in both modes finds it.
    for (const [key] of entries) {
      const base = key.endsWith("_dark") ? key.slice(0, -5) : key;
      for (const mode of ["light", "dark"] as const) this.#resolve(next, base, mode, []);
    }
    this.#overrides = next;
    return this;
  }

  /** The value of an attribute as set (with `*references`), from an override map. */
  #raw(overrides: ReadonlyMap<string, string>, name: string, mode: ColorMode): string {
    if (mode === "dark") {
      const dark = overrides.get(`${name}_dark`) ?? DARK_DEFAULTS.get(name);
      if (dark !== undefined) return dark;
    }
    const light = overrides.get(name) ?? this.#core.get(name) ?? LIGHT_DEFAULTS.get(name);
    if (light === undefined) throw new TypeError(`Unknown theme attribute ${JSON.stringify(name)}.`);
    return light;
  }

  /** The value of an attribute with every reference replaced by the value it names. */
  #resolve(overrides: ReadonlyMap<string, string>, name: string, mode: ColorMode, path: string[]): string {
    if (path.includes(name)) {
      throw new TypeError(`Circular theme reference in ${mode} mode: ${[...path.slice(path.indexOf(name)), name].join(" → ")}.`);
    }
    const raw = this.#raw(overrides, name, mode);
    return raw.replace(REFERENCE, (_, ref: string) => this.#resolve(overrides, ref, mode, [...path, name]));
  }

  /**
   * The value an attribute ends up with in a mode, every `*reference` followed
   * (`resolve("button_primary_background_fill", "dark")` → `"#ea580c"` in the Default theme).
   * Takes the attribute's snake_case name or its CSS variable (`"--block-radius"`).
   */
  resolve(attribute: ThemeVariableName | `--${string}`, mode: ColorMode = "light"): string {
    const name = attribute.startsWith("--") ? attribute.slice(2).replace(/-/g, "_") : attribute;
    if (!KNOWN.has(name)) throw new TypeError(`Unknown theme attribute ${JSON.stringify(attribute)}.`);
    return this.#resolve(this.#overrides, name, mode, []);
  }

  /**
   * Every CSS variable of a mode, by name (`"--primary-500"`), in stylesheet order. Values keep
   * their references as `var(--…)`, as in the stylesheet; with `{ resolved: true }` they are
   * followed to the final values instead.
   */
  variables(mode: ColorMode = "light", options: { resolved?: boolean } = {}): Record<string, string> {
    const result: Record<string, string> = {};
    for (const name of THEME_VARIABLES) {
      result[cssVariable(name)] = options.resolved
        ? this.#resolve(this.#overrides, name, mode, [])
        : this.#raw(this.#overrides, name, mode).replace(REFERENCE, (_, ref: string) => `var(${cssVariable(ref)})`);
    }
    return result;
  }

  /**
   * The theme's stylesheet: the light variables on `:root`, the dark ones on `:root.dark` and
   * `.dark` (the page puts class `dark` on `<html>` for dark mode). Every value was checked when
   * it was set, and is checked again here: none can end its declaration or the block.
   */
  css(): string {
    const block = (selector: string, mode: ColorMode) => {
      const lines = Object.entries(this.variables(mode)).map(([name, value]) => {
        assertSafeValue(name, value);
        return `  ${name}: ${value};`;
      });
      return `${selector} {\n  color-scheme: ${mode};\n${lines.join("\n")}\n}`;
    };
    return `${block(":root", "light")}\n${block(":root.dark, .dark", "dark")}\n`;
  }

  /** The theme as plain JSON: its name, its options and its overrides. */
  toJSON(): ThemeJSON {
    const options = Object.fromEntries(OPTION_NAMES.map((key) => [key, optionForJSON(this.#options[key])])) as ThemeOptions;
    return { name: this.name, options, overrides: Object.fromEntries(this.#overrides) };
  }

  /**
   * Rebuilds a theme from {@link Theme.toJSON}'s output (or that output as a JSON string):
   * `Theme.fromJSON(JSON.parse(JSON.stringify(t))).css() === t.css()`.
   *
   * @throws TypeError when the JSON is not a theme, or holds unknown or unsafe attributes.
   */
  static fromJSON(json: ThemeJSON | string): Theme {
    const data: unknown = typeof json === "string" ? JSON.parse(json) : json;
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw new TypeError("A theme's JSON must be an object.");
    const { name, options = {}, overrides = {} } = data as Partial<ThemeJSON>;
    if (name !== undefined && typeof name !== "string") throw new TypeError("A theme's JSON name must be a string.");
    if (typeof options !== "object" || options === null) throw new TypeError("A theme's JSON options must be an object.");
    if (typeof overrides !== "object" || overrides === null) throw new TypeError("A theme's JSON overrides must be an object.");
    return new Theme(options, name ?? "custom").set(overrides as ThemeOverrides);
  }
}
