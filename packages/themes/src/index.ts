/**
 * @vitrine/themes: themes as data. Hues, sizes and fonts become CSS variables named after
 * Gradio's theme attributes, for light and dark mode; eight prebuilt themes after Gradio's.
 * Runs in Node and in browsers alike (no Node APIs).
 */
export { colors, HUE_NAMES, SHADES, type Hue, type HueName, type Shade } from "./colors.js";
export { sizes, SIZE_STEPS, type Size, type SizeKind, type SizeName, type SizeShortName, type SizeStep } from "./sizes.js";
export { fonts, fontStack, type FontStack } from "./fonts.js";
export {
  CORE_ATTRIBUTES,
  cssVariable,
  THEME_VARIABLES,
  VITRINE_VARIABLES,
  type CoreAttribute,
  type DefaultedAttribute,
  type HueRole,
  type ThemeAttribute,
  type ThemeVariableName,
} from "./attributes.js";
export { valueProblem } from "./values.js";
export {
  BASE_OPTIONS,
  Theme,
  type ColorMode,
  type HueOption,
  type SizeOption,
  type ThemeJSON,
  type ThemeOptions,
  type ThemeOverrides,
} from "./theme.js";
export {
  Base,
  Citrus,
  Default,
  defaultThemeCss,
  Glass,
  Monochrome,
  Ocean,
  Origin,
  Soft,
  themeByName,
  themes,
  type ThemeFactory,
} from "./prebuilt.js";
