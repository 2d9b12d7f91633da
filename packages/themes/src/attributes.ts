/**
 * The theme attributes and their default values, light and dark.
 *
 * Attribute names are Gradio's (snake_case); each becomes the CSS variable of the same name in
 * kebab case (`block_label_text_color` → `--block-label-text-color`). A value may name another
 * attribute with a star: `"*primary_500"` becomes `var(--primary-500)`, so it follows that
 * attribute in light and in dark mode alike.
 */
import { colors, SHADES, type Shade } from "./colors.js";
import { SIZE_STEPS, type SizeStep } from "./sizes.js";

/** The three hues a theme is built on. */
export type HueRole = "primary" | "secondary" | "neutral";

/**
 * The attributes a theme derives from its constructor options: the three hues' shades
 * (`primary_500`), the size steps (`spacing_md`, `radius_lg`, `text_sm`) and the two fonts.
 */
export type CoreAttribute =
  | `${HueRole}_${Shade}`
  | `${"spacing" | "radius" | "text"}_${SizeStep}`
  | "font"
  | "font_mono";

/** The core attributes, in the order they appear in a stylesheet. */
export const CORE_ATTRIBUTES: readonly CoreAttribute[] = Object.freeze([
  ...(["primary", "secondary", "neutral"] as const).flatMap((role) => SHADES.map((s) => `${role}_${s}` as const)),
  ...(["spacing", "radius", "text"] as const).flatMap((kind) => SIZE_STEPS.map((s) => `${kind}_${s}` as const)),
  "font" as const,
  "font_mono" as const,
]);

const { red } = colors;

/**
 * Every other attribute as `[name, light, dark?]`. Without a dark value, dark mode uses the
 * light one. Backgrounds, text and borders all have dark values of their own.
 */
const TABLE = [
  // The page
  ["body_background_fill", "*background_fill_primary", "*background_fill_primary"],
  ["body_text_color", "*neutral_800", "*neutral_100"],
  ["body_text_color_subdued", "*neutral_500", "*neutral_400"],
  ["body_text_size", "*text_md"],
  ["body_text_weight", "400"],
  ["embed_radius", "*radius_sm"],

  // Shared colours that the rest refer to
  ["background_fill_primary", "white", "*neutral_950"],
  ["background_fill_secondary", "*neutral_50", "*neutral_900"],
  ["border_color_primary", "*neutral_200", "*neutral_700"],
  ["border_color_accent", "*primary_300", "*neutral_600"],
  ["border_color_accent_subdued", "*border_color_accent", "*border_color_accent"],
  ["color_accent", "*primary_500"],
  ["color_accent_soft", "*primary_50", "*neutral_700"],

  // Text: links, prose and code
  ["link_text_color", "*secondary_600", "*secondary_500"],
  ["link_text_color_active", "*secondary_600", "*secondary_500"],
  ["link_text_color_hover", "*secondary_700", "*secondary_400"],
  ["link_text_color_visited", "*secondary_500", "*secondary_600"],
  ["prose_text_size", "*text_md"],
  ["prose_text_weight", "400"],
  ["prose_header_text_weight", "600"],
  ["code_background_fill", "*neutral_100", "*neutral_800"],

  // Shadows
  ["shadow_drop", "rgba(0,0,0,0.05) 0px 1px 2px 0px"],
  ["shadow_drop_lg", "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)"],
  ["shadow_inset", "rgba(0,0,0,0.05) 0px 2px 4px 0px inset"],
  ["shadow_spread", "3px", "1px"],

  // Blocks: the box around each component
  ["block_background_fill", "*background_fill_primary", "*neutral_800"],
  ["block_border_color", "*border_color_primary", "*border_color_primary"],
  ["block_border_width", "1px"],
  ["block_info_text_color", "*body_text_color_subdued", "*body_text_color_subdued"],
  ["block_info_text_size", "*text_sm"],
  ["block_info_text_weight", "400"],
  ["block_label_background_fill", "*background_fill_primary", "*background_fill_secondary"],
  ["block_label_border_color", "*border_color_primary", "*border_color_primary"],
  ["block_label_border_width", "1px"],
  ["block_label_shadow", "*block_shadow"],
  ["block_label_text_color", "*neutral_500", "*neutral_200"],
  ["block_label_margin", "0"],
  ["block_label_padding", "*spacing_sm *spacing_lg"],
  ["block_label_radius", "calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px) 0"],
  ["block_label_right_radius", "0 calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px)"],
  ["block_label_text_size", "*text_sm"],
  ["block_label_text_weight", "400"],
  ["block_padding", "*spacing_xl calc(*spacing_xl + 2px)"],
  ["block_radius", "*radius_sm"],
  ["block_shadow", "none"],
  ["block_title_background_fill", "none"],
  ["block_title_border_color", "transparent"],
  ["block_title_border_width", "0px"],
  ["block_title_text_color", "*neutral_500", "*neutral_200"],
  ["block_title_padding", "0"],
  ["block_title_radius", "0"],
  ["block_title_text_size", "*text_md"],
  ["block_title_text_weight", "400"],
  ["container_radius", "*radius_sm"],
  ["form_gap_width", "0px"],
  ["layout_gap", "*spacing_xxl"],
  ["panel_background_fill", "*background_fill_secondary", "*background_fill_secondary"],
  ["panel_border_color", "*border_color_primary", "*border_color_primary"],
  ["panel_border_width", "0px"],
  ["section_header_text_size", "*text_md"],
  ["section_header_text_weight", "400"],

  // Inside components
  ["accordion_text_color", "*body_text_color", "*body_text_color"],
  ["table_text_color", "*body_text_color", "*body_text_color"],
  ["chatbot_text_size", "*text_lg"],
  ["checkbox_background_color", "*background_fill_primary", "*neutral_800"],
  ["checkbox_background_color_focus", "*checkbox_background_color", "*checkbox_background_color"],
  ["checkbox_background_color_hover", "*checkbox_background_color", "*checkbox_background_color"],
  ["checkbox_background_color_selected", "*color_accent", "*color_accent"],
  ["checkbox_border_color", "*neutral_300", "*neutral_700"],
  ["checkbox_border_color_focus", "*color_accent", "*color_accent"],
  ["checkbox_border_color_hover", "*neutral_300", "*neutral_600"],
  ["checkbox_border_color_selected", "*color_accent", "*color_accent"],
  ["checkbox_border_radius", "*radius_sm"],
  ["checkbox_border_width", "*input_border_width"],
  ["checkbox_shadow", "*input_shadow"],
  ["checkbox_label_background_fill", "*button_secondary_background_fill", "*button_secondary_background_fill"],
  ["checkbox_label_background_fill_hover", "*button_secondary_background_fill_hover", "*button_secondary_background_fill_hover"],
  ["checkbox_label_background_fill_selected", "*checkbox_label_background_fill", "*checkbox_label_background_fill"],
  ["checkbox_label_border_color", "*border_color_primary", "*border_color_primary"],
  ["checkbox_label_border_color_hover", "*checkbox_label_border_color", "*checkbox_label_border_color"],
  ["checkbox_label_border_color_selected", "*checkbox_label_border_color", "*checkbox_label_border_color"],
  ["checkbox_label_border_width", "*input_border_width"],
  ["checkbox_label_gap", "*spacing_lg"],
  ["checkbox_label_padding", "*spacing_md calc(2 * *spacing_md)"],
  ["checkbox_label_shadow", "none"],
  ["checkbox_label_shadow_hover", "*checkbox_label_shadow"],
  ["checkbox_label_shadow_active", "*checkbox_label_shadow"],
  ["checkbox_label_text_color", "*body_text_color", "*body_text_color"],
  ["checkbox_label_text_color_selected", "*checkbox_label_text_color", "*checkbox_label_text_color"],
  ["checkbox_label_text_size", "*text_md"],
  ["checkbox_label_text_weight", "400"],
  ["error_background_fill", red[50], "*background_fill_primary"],
  ["error_border_color", red[700], red[500]],
  ["error_border_width", "1px"],
  ["error_text_color", red[700], red[50]],
  ["error_icon_color", red[700], red[500]],
  ["input_background_fill", "*neutral_100", "*neutral_700"],
  ["input_background_fill_focus", "*input_background_fill"],
  ["input_background_fill_hover", "*input_background_fill", "*input_background_fill"],
  ["input_border_color", "*border_color_primary", "*border_color_primary"],
  ["input_border_color_focus", "*secondary_300", "*neutral_700"],
  ["input_border_color_hover", "*input_border_color", "*input_border_color"],
  ["input_border_width", "0px"],
  ["input_padding", "*spacing_xl"],
  ["input_placeholder_color", "*neutral_400", "*neutral_500"],
  ["input_radius", "*radius_sm"],
  ["input_shadow", "none"],
  ["input_shadow_focus", "*input_shadow"],
  ["input_text_size", "*text_md"],
  ["input_text_weight", "400"],
  ["loader_color", "*color_accent"],
  ["slider_color", "*color_accent"],
  ["stat_background_fill", "*primary_300", "*primary_500"],
  ["table_border_color", "*neutral_300", "*neutral_700"],
  ["table_even_background_fill", "white", "*neutral_950"],
  ["table_odd_background_fill", "*neutral_50", "*neutral_900"],
  ["table_radius", "*radius_sm"],
  ["table_row_focus", "*color_accent_soft", "*color_accent_soft"],

  // Buttons
  ["button_border_width", "*input_border_width"],
  ["button_transform_hover", "none"],
  ["button_transform_active", "none"],
  ["button_transition", "all 0.2s ease"],
  // Shadows every button variant starts from (Gradio 4's); each variant may set its own.
  ["button_shadow", "none"],
  ["button_shadow_hover", "*button_shadow"],
  ["button_shadow_active", "*button_shadow"],
  ["button_large_padding", "*spacing_lg calc(2 * *spacing_lg)"],
  ["button_large_radius", "*radius_md"],
  ["button_large_text_size", "*text_lg"],
  ["button_large_text_weight", "600"],
  ["button_medium_padding", "*spacing_md calc(2 * *spacing_md)"],
  ["button_medium_radius", "*radius_md"],
  ["button_medium_text_size", "*text_md"],
  ["button_medium_text_weight", "600"],
  ["button_small_padding", "*spacing_sm calc(1.5 * *spacing_sm)"],
  ["button_small_radius", "*radius_md"],
  ["button_small_text_size", "*text_sm"],
  ["button_small_text_weight", "400"],
  ["button_primary_background_fill", "*primary_500", "*primary_600"],
  ["button_primary_background_fill_hover", "*primary_600", "*primary_700"],
  ["button_primary_border_color", "*primary_500", "*primary_600"],
  ["button_primary_border_color_hover", "*primary_500", "*primary_500"],
  ["button_primary_text_color", "white", "white"],
  ["button_primary_text_color_hover", "*button_primary_text_color", "*button_primary_text_color"],
  ["button_primary_shadow", "*button_shadow"],
  ["button_primary_shadow_hover", "*button_shadow_hover"],
  ["button_primary_shadow_active", "*button_shadow_active"],
  ["button_secondary_background_fill", "*neutral_200", "*neutral_600"],
  ["button_secondary_background_fill_hover", "*neutral_300", "*neutral_700"],
  ["button_secondary_border_color", "*neutral_200", "*neutral_600"],
  ["button_secondary_border_color_hover", "*neutral_200", "*neutral_500"],
  ["button_secondary_text_color", "black", "white"],
  ["button_secondary_text_color_hover", "*button_secondary_text_color", "*button_secondary_text_color"],
  ["button_secondary_shadow", "*button_shadow"],
  ["button_secondary_shadow_hover", "*button_shadow_hover"],
  ["button_secondary_shadow_active", "*button_shadow_active"],
  ["button_cancel_background_fill", "*button_secondary_background_fill", "*button_secondary_background_fill"],
  ["button_cancel_background_fill_hover", "*button_secondary_background_fill_hover", "*button_secondary_background_fill_hover"],
  ["button_cancel_border_color", "*button_secondary_border_color", "*button_secondary_border_color"],
  ["button_cancel_border_color_hover", "*button_secondary_border_color_hover", "*button_secondary_border_color_hover"],
  ["button_cancel_text_color", "*button_secondary_text_color", "*button_secondary_text_color"],
  ["button_cancel_text_color_hover", "*button_secondary_text_color_hover", "white"],
  ["button_cancel_shadow", "*button_secondary_shadow"],
  ["button_cancel_shadow_hover", "*button_secondary_shadow_hover"],
  ["button_cancel_shadow_active", "*button_secondary_shadow_active"],

  // Vitrine's own, for what Gradio has no name for (`--vt-…`)
  ["vt_info_color", colors.blue[600], colors.blue[400]],
  ["vt_info_background_fill", colors.blue[50], "rgb(59 130 246 / 0.16)"],
  ["vt_warning_color", colors.amber[700], colors.amber[400]],
  ["vt_warning_background_fill", colors.amber[50], "rgb(245 158 11 / 0.16)"],
  ["vt_success_color", colors.green[600], colors.green[400]],
  ["vt_success_background_fill", colors.green[50], "rgb(34 197 94 / 0.16)"],
  ["vt_overlay_background_fill", "rgb(255 255 255 / 0.75)", "rgb(0 0 0 / 0.55)"],
  ["vt_max_width", "1280px"],
] as const satisfies readonly (readonly [string, string] | readonly [string, string, string])[];

/** An attribute with a built-in default (everything but the core attributes). */
export type DefaultedAttribute = (typeof TABLE)[number][0];

/**
 * A theme attribute: the name of one CSS variable, in Gradio's snake_case
 * (`button_primary_background_fill` is `--button-primary-background-fill`).
 */
export type ThemeVariableName = CoreAttribute | DefaultedAttribute;

/**
 * A name `Theme.set()` accepts: an attribute for its light value, or the attribute with
 * `_dark` appended for its dark value.
 */
export type ThemeAttribute = ThemeVariableName | `${ThemeVariableName}_dark`;

/** Light defaults of the defaulted attributes. */
export const LIGHT_DEFAULTS: ReadonlyMap<string, string> = new Map(TABLE.map((row) => [row[0], row[1]]));

/** Dark defaults of the attributes that have one. */
export const DARK_DEFAULTS: ReadonlyMap<string, string> = new Map(
  TABLE.flatMap((row) => (row.length === 3 ? [[row[0], row[2]] as const] : [])),
);

/** Every attribute (one per CSS variable), in stylesheet order: the core ones first. */
export const THEME_VARIABLES: readonly ThemeVariableName[] = Object.freeze([
  ...CORE_ATTRIBUTES,
  ...TABLE.map((row) => row[0]),
]);

/** The attributes that are Vitrine's own rather than Gradio's (their variables start with `--vt-`). */
export const VITRINE_VARIABLES: readonly DefaultedAttribute[] = Object.freeze(
  TABLE.map((row) => row[0]).filter((name): name is Extract<DefaultedAttribute, `vt_${string}`> => name.startsWith("vt_")),
);

/** The CSS variable of an attribute: `block_radius` → `--block-radius`. */
export function cssVariable(attribute: string): string {
  return `--${attribute.replace(/_/g, "-")}`;
}
