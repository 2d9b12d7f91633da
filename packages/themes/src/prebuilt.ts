/**
 * The prebuilt themes, after Gradio's: Base, Default, Origin, Citrus, Monochrome, Soft, Glass
 * and Ocean. Each is a factory that also works with `new`, takes the same options as `Theme`
 * (its own hues and sizes are only defaults) and returns a fresh theme that `set()` may change.
 */
import { colors } from "./colors.js";
import { fonts } from "./fonts.js";
import { Theme, type ThemeOptions, type ThemeOverrides } from "./theme.js";

/**
 * A prebuilt theme: call it (`Soft()`) or construct it (`new Soft()`), with options to change
 * its hues, sizes or fonts (`Soft({ primary_hue: "rose" })`).
 */
export interface ThemeFactory {
  /** A new theme of this kind; `options` replace its default hues, sizes and fonts. */
  (options?: ThemeOptions): Theme;
  /** A new theme of this kind; `options` replace its default hues, sizes and fonts. */
  new (options?: ThemeOptions): Theme;
  /** The name the themes it makes carry (`"soft"`). */
  readonly themeName: string;
  /** The options it starts from. */
  readonly defaults: Readonly<ThemeOptions>;
}

/** Makes the factory of a prebuilt theme: its name, its default options and its attributes. */
function prebuilt(name: string, defaults: ThemeOptions, overrides: ThemeOverrides): ThemeFactory {
  class Prebuilt extends Theme {
    constructor(options: ThemeOptions = {}) {
      super({ ...defaults, ...options }, name);
      this.set(overrides);
    }
  }
  // A plain function returning an object serves both `Soft()` and `new Soft()`; sharing the
  // prototype keeps `instanceof Soft` true.
  const factory = function (options?: ThemeOptions) {
    return new Prebuilt(options);
  } as unknown as ThemeFactory;
  Object.defineProperties(factory, {
    prototype: { value: Prebuilt.prototype },
    name: { value: name.charAt(0).toUpperCase() + name.slice(1) },
    themeName: { value: name, enumerable: true },
    defaults: { value: Object.freeze({ ...defaults }), enumerable: true },
  });
  return factory;
}

const red = colors.red;

/** The red Stop button several themes share. */
const RED_CANCEL: ThemeOverrides = {
  button_cancel_background_fill: red[500],
  button_cancel_background_fill_dark: red[700],
  button_cancel_background_fill_hover: red[600],
  button_cancel_background_fill_hover_dark: red[800],
  button_cancel_border_color: red[500],
  button_cancel_border_color_dark: red[700],
  button_cancel_border_color_hover: red[600],
  button_cancel_border_color_hover_dark: red[800],
  button_cancel_text_color: "white",
  button_cancel_text_color_dark: "white",
  button_cancel_text_color_hover: "white",
  button_cancel_text_color_hover_dark: "white",
};

/**
 * Base: the theme every other one builds on. Blue accents on zinc grays, flat (no shadows),
 * borderless inputs on a light gray fill, small corner radii, IBM Plex Sans when installed.
 */
export const Base: ThemeFactory = prebuilt("base", {}, {});

/**
 * Default: Gradio 5's look. Orange primary buttons, blue links, zinc grays, white bordered
 * inputs with a soft focus ring, rounded blocks with a subtle drop shadow, a red Stop button.
 */
export const Default: ThemeFactory = prebuilt(
  "default",
  {
    primary_hue: "orange",
    secondary_hue: "blue",
    neutral_hue: "zinc",
    spacing_size: "md",
    radius_size: "md",
    text_size: "md",
    font: fonts.source_sans,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    block_radius: "*radius_lg",
    container_radius: "*radius_lg",
    table_radius: "*radius_lg",
    block_shadow: "*shadow_drop",
    block_label_radius: "*radius_md",
    input_radius: "*radius_md",
    input_border_width: "1px",
    input_background_fill: "white",
    input_background_fill_dark: "*neutral_800",
    input_border_color_focus: "*primary_300",
    input_shadow_focus: "0 0 0 *shadow_spread *primary_50, *shadow_inset",
    input_shadow_focus_dark: "0 0 0 *shadow_spread *neutral_700, *shadow_inset",
    button_border_width: "0px",
    button_large_radius: "*radius_lg",
    checkbox_label_background_fill: "*background_fill_primary",
    checkbox_label_background_fill_dark: "*neutral_800",
    checkbox_label_background_fill_hover: "*background_fill_secondary",
    checkbox_label_background_fill_hover_dark: "*neutral_700",
    checkbox_label_background_fill_selected: "*color_accent_soft",
    checkbox_label_border_color_selected: "*border_color_accent",
    error_background_fill_dark: "*neutral_900",
    stat_background_fill: "linear-gradient(to right, *primary_400, *primary_200)",
    stat_background_fill_dark: "linear-gradient(to right, *primary_400, *primary_600)",
    border_color_accent_subdued: "*primary_200",
    ...RED_CANCEL,
  },
);

/**
 * Origin: Gradio 4's look. Orange on cool grays; buttons are light gradients with a thin
 * border and a drop shadow that deepens on hover and sinks when pressed; bordered inputs with
 * an inset shadow; blocks with a drop shadow.
 */
export const Origin: ThemeFactory = prebuilt(
  "origin",
  {
    primary_hue: "orange",
    secondary_hue: "blue",
    neutral_hue: "gray",
    spacing_size: "md",
    radius_size: "md",
    text_size: "md",
    font: fonts.source_sans,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    block_shadow: "*shadow_drop",
    form_gap_width: "1px",
    input_border_width: "1px",
    input_background_fill: "white",
    input_background_fill_dark: "*neutral_800",
    input_shadow: "0 0 0 *shadow_spread transparent, *shadow_inset",
    input_shadow_focus: "0 0 0 *shadow_spread *secondary_50, *shadow_inset",
    input_shadow_focus_dark: "0 0 0 *shadow_spread *neutral_700, *shadow_inset",
    button_border_width: "1px",
    button_transition: "none",
    button_primary_shadow: "*shadow_drop",
    button_primary_shadow_hover: "*shadow_drop_lg",
    button_primary_shadow_active: "*shadow_inset",
    button_secondary_shadow: "*shadow_drop",
    button_secondary_shadow_hover: "*shadow_drop_lg",
    button_secondary_shadow_active: "*shadow_inset",
    button_primary_background_fill: "linear-gradient(to bottom right, *primary_100, *primary_300)",
    button_primary_background_fill_dark: "linear-gradient(to bottom right, *primary_500, *primary_600)",
    button_primary_background_fill_hover: "linear-gradient(to bottom right, *primary_100, *primary_200)",
    button_primary_background_fill_hover_dark: "linear-gradient(to bottom right, *primary_500, *primary_500)",
    button_primary_border_color: "*primary_200",
    button_primary_border_color_dark: "*primary_500",
    button_primary_border_color_hover: "*primary_200",
    button_primary_text_color: "*primary_600",
    button_primary_text_color_dark: "white",
    button_secondary_background_fill: "linear-gradient(to bottom right, *neutral_100, *neutral_200)",
    button_secondary_background_fill_dark: "linear-gradient(to bottom right, *neutral_600, *neutral_700)",
    button_secondary_background_fill_hover: "linear-gradient(to bottom right, *neutral_100, *neutral_100)",
    button_secondary_background_fill_hover_dark: "linear-gradient(to bottom right, *neutral_600, *neutral_600)",
    button_secondary_text_color: "*neutral_800",
    button_secondary_border_color_hover_dark: "*neutral_600",
    button_cancel_background_fill: `linear-gradient(to bottom right, ${red[100]}, ${red[200]})`,
    button_cancel_background_fill_dark: `linear-gradient(to bottom right, ${red[600]}, ${red[700]})`,
    button_cancel_background_fill_hover: `linear-gradient(to bottom right, ${red[100]}, ${red[100]})`,
    button_cancel_background_fill_hover_dark: `linear-gradient(to bottom right, ${red[600]}, ${red[600]})`,
    button_cancel_border_color: red[200],
    button_cancel_border_color_dark: red[600],
    button_cancel_border_color_hover: red[200],
    button_cancel_border_color_hover_dark: red[600],
    button_cancel_text_color: red[600],
    button_cancel_text_color_dark: "white",
    button_cancel_text_color_hover: red[600],
    checkbox_label_shadow: "*shadow_drop",
    checkbox_label_background_fill: "linear-gradient(to top, *neutral_50, white)",
    checkbox_label_background_fill_dark: "linear-gradient(to top, *neutral_900, *neutral_800)",
    checkbox_label_background_fill_hover: "linear-gradient(to top, *neutral_100, white)",
    checkbox_label_background_fill_hover_dark: "linear-gradient(to top, *neutral_900, *neutral_800)",
    error_background_fill_dark: "*neutral_900",
    stat_background_fill: "linear-gradient(to right, *primary_400, *primary_200)",
    stat_background_fill_dark: "linear-gradient(to right, *primary_400, *primary_600)",
    border_color_accent_subdued: "*primary_200",
  },
);

/**
 * Citrus: warm amber on stone grays, roomy spacing, and chunky "3D" buttons: a solid bottom
 * edge that grows when the button lifts on hover and shrinks when it is pressed. Blocks sit on
 * a tinted page with a hard bottom shadow; inputs are underlined.
 */
export const Citrus: ThemeFactory = prebuilt(
  "citrus",
  {
    primary_hue: "amber",
    secondary_hue: "amber",
    neutral_hue: "stone",
    spacing_size: "lg",
    radius_size: "md",
    text_size: "md",
    font: fonts.ubuntu,
    font_mono: fonts.roboto_mono,
  },
  {
    background_fill_primary: "*neutral_50",
    block_background_fill: "*neutral_100",
    block_background_fill_dark: "*neutral_800",
    block_border_color: "*neutral_300",
    block_shadow: "0px 3px 0px 0px *neutral_300",
    block_shadow_dark: "0px 3px 0px 0px *neutral_700",
    block_label_shadow: "none",
    panel_border_width: "1px",
    slider_color: "*primary_400",
    slider_color_dark: "*primary_500",
    input_border_width: "1px",
    input_background_fill: "*neutral_50",
    input_background_fill_dark: "*neutral_900",
    input_background_fill_focus: "*primary_50",
    input_background_fill_focus_dark: "*neutral_900",
    input_shadow: "0px -1px 0px 0px *neutral_300 inset",
    input_shadow_dark: "0px -1px 0px 0px *neutral_700 inset",
    input_shadow_focus: "0px -2px 0px 0px *primary_300 inset",
    input_shadow_focus_dark: "0px -2px 0px 0px *primary_600 inset",
    checkbox_shadow: "none",
    button_border_width: "0px",
    button_transition: "all 0.1s",
    button_transform_hover: "translateY(-2px)",
    button_transform_active: "translateY(1px)",
    button_primary_background_fill: "*primary_500",
    button_primary_background_fill_dark: "*primary_600",
    button_primary_background_fill_hover: "*primary_500",
    button_primary_background_fill_hover_dark: "*primary_600",
    button_primary_text_color: "*neutral_900",
    button_primary_text_color_dark: "*neutral_900",
    button_primary_shadow: "0px 3px 0px 0px *primary_400",
    button_primary_shadow_hover: "0px 5px 0px 0px *primary_400",
    button_primary_shadow_active: "0px 2px 0px 0px *primary_400",
    button_primary_shadow_dark: "0px 3px 0px 0px *primary_700",
    button_primary_shadow_hover_dark: "0px 5px 0px 0px *primary_700",
    button_primary_shadow_active_dark: "0px 2px 0px 0px *primary_700",
    button_secondary_background_fill: "*primary_400",
    button_secondary_background_fill_dark: "*primary_500",
    button_secondary_background_fill_hover: "*primary_400",
    button_secondary_background_fill_hover_dark: "*primary_500",
    button_secondary_text_color: "*neutral_900",
    button_secondary_text_color_dark: "*neutral_900",
    button_secondary_shadow: "0px 3px 0px 0px *primary_300",
    button_secondary_shadow_hover: "0px 5px 0px 0px *primary_300",
    button_secondary_shadow_active: "0px 2px 0px 0px *primary_300",
    button_secondary_shadow_dark: "0px 3px 0px 0px *primary_600",
    button_secondary_shadow_hover_dark: "0px 5px 0px 0px *primary_600",
    button_secondary_shadow_active_dark: "0px 2px 0px 0px *primary_600",
    ...RED_CANCEL,
    button_cancel_shadow: `0px 3px 0px 0px ${red[400]}`,
    button_cancel_shadow_hover: `0px 5px 0px 0px ${red[400]}`,
    button_cancel_shadow_active: `0px 2px 0px 0px ${red[400]}`,
    button_cancel_shadow_dark: `0px 3px 0px 0px ${red[600]}`,
    button_cancel_shadow_hover_dark: `0px 5px 0px 0px ${red[600]}`,
    button_cancel_shadow_active_dark: `0px 2px 0px 0px ${red[600]}`,
    checkbox_label_background_fill: "*neutral_200",
    checkbox_label_background_fill_dark: "*neutral_700",
    checkbox_label_background_fill_hover: "*neutral_200",
    checkbox_label_background_fill_hover_dark: "*neutral_700",
    checkbox_label_background_fill_selected: "*primary_400",
    checkbox_label_background_fill_selected_dark: "*primary_500",
    checkbox_label_border_color_selected: "*primary_300",
    checkbox_label_border_color_selected_dark: "*primary_600",
    checkbox_label_text_color_selected: "*neutral_900",
    checkbox_label_text_color_selected_dark: "*neutral_900",
    checkbox_label_border_width: "2px",
    checkbox_background_color_selected_dark: "*primary_600",
  },
);

/**
 * Monochrome: black, white and grays only. Square corners, roomy spacing, a serif text face,
 * black primary buttons and white secondary buttons with a heavy black outline, bold labels.
 */
export const Monochrome: ThemeFactory = prebuilt(
  "monochrome",
  {
    primary_hue: "neutral",
    secondary_hue: "neutral",
    neutral_hue: "neutral",
    spacing_size: "lg",
    radius_size: "none",
    text_size: "md",
    font: fonts.lora,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    body_text_color: "*neutral_900",
    body_text_color_subdued: "*neutral_700",
    background_fill_primary_dark: "*neutral_900",
    background_fill_secondary_dark: "*neutral_800",
    block_background_fill_dark: "*neutral_800",
    block_label_text_color: "*body_text_color",
    block_title_text_color: "*body_text_color",
    block_label_text_weight: "600",
    block_title_text_weight: "600",
    block_label_text_size: "*text_md",
    block_shadow: "none",
    block_shadow_dark: "*shadow_drop_lg",
    shadow_drop_lg: "0 1px 4px 0 rgb(0 0 0 / 0.1)",
    input_background_fill_dark: "*neutral_700",
    color_accent: "*neutral_900",
    color_accent_dark: "*neutral_400",
    slider_color: "*neutral_900",
    slider_color_dark: "*neutral_500",
    button_border_width: "2px",
    button_large_padding: "*spacing_lg",
    button_small_padding: "*spacing_sm",
    button_primary_background_fill: "*neutral_900",
    button_primary_background_fill_dark: "*neutral_600",
    button_primary_background_fill_hover: "*neutral_700",
    button_primary_background_fill_hover_dark: "*neutral_500",
    button_primary_border_color: "*neutral_900",
    button_primary_border_color_dark: "*neutral_600",
    button_primary_border_color_hover: "*neutral_700",
    button_primary_border_color_hover_dark: "*neutral_500",
    button_primary_text_color: "white",
    button_secondary_background_fill: "white",
    button_secondary_background_fill_dark: "*neutral_700",
    button_secondary_background_fill_hover: "white",
    button_secondary_background_fill_hover_dark: "*neutral_600",
    button_secondary_border_color: "*neutral_900",
    button_secondary_border_color_dark: "*neutral_400",
    button_secondary_border_color_hover: "*neutral_400",
    button_secondary_text_color: "*neutral_900",
    button_secondary_text_color_hover: "*neutral_500",
    button_cancel_border_color: "*neutral_900",
    button_cancel_border_color_dark: "*neutral_400",
    checkbox_background_color: "*input_background_fill",
    checkbox_label_border_color: "*checkbox_background_color",
    checkbox_label_border_color_hover: "*button_secondary_border_color_hover",
    checkbox_label_border_color_selected: "*button_primary_border_color",
    checkbox_label_border_width: "*button_border_width",
    checkbox_label_background_fill_selected: "*button_primary_background_fill",
    checkbox_label_text_color_selected: "*button_primary_text_color",
    checkbox_label_padding: "*spacing_sm",
  },
);

/**
 * Soft: indigo on a pale gray page, white borderless blocks, labels as tinted pills, inputs and
 * buttons floating on soft drop shadows.
 */
export const Soft: ThemeFactory = prebuilt(
  "soft",
  {
    primary_hue: "indigo",
    secondary_hue: "indigo",
    neutral_hue: "gray",
    spacing_size: "md",
    radius_size: "md",
    text_size: "md",
    font: fonts.montserrat,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    background_fill_primary: "*neutral_50",
    block_background_fill: "white",
    block_border_width: "0px",
    block_radius: "*radius_lg",
    container_radius: "*radius_lg",
    panel_border_width: "1px",
    shadow_drop: "0 1px 4px 0 rgb(0 0 0 / 0.1)",
    shadow_drop_lg: "0 2px 5px 0 rgb(0 0 0 / 0.1)",
    shadow_spread: "6px",
    block_shadow: "*shadow_drop",
    block_label_padding: "*spacing_sm *spacing_md",
    block_label_background_fill: "*primary_100",
    block_label_background_fill_dark: "*primary_600",
    block_label_radius: "*radius_md",
    block_label_text_size: "*text_md",
    block_label_text_weight: "600",
    block_label_text_color: "*primary_500",
    block_label_text_color_dark: "white",
    block_title_padding: "*block_label_padding",
    block_title_radius: "*block_label_radius",
    block_title_background_fill: "*block_label_background_fill",
    block_title_text_weight: "600",
    block_title_text_color: "*primary_500",
    block_title_text_color_dark: "white",
    input_background_fill: "white",
    input_border_color: "*neutral_50",
    input_radius: "*radius_md",
    input_shadow: "*shadow_drop",
    input_shadow_focus: "*shadow_drop_lg",
    slider_color: "*primary_500",
    slider_color_dark: "*primary_600",
    checkbox_shadow: "none",
    checkbox_border_width: "1px",
    checkbox_border_color: "*neutral_100",
    checkbox_border_color_dark: "*neutral_600",
    checkbox_background_color_selected: "*primary_600",
    checkbox_background_color_selected_dark: "*primary_700",
    checkbox_border_color_focus: "*primary_500",
    checkbox_border_color_focus_dark: "*primary_600",
    checkbox_border_color_selected: "*primary_600",
    checkbox_border_color_selected_dark: "*primary_700",
    checkbox_label_shadow: "*shadow_drop_lg",
    checkbox_label_background_fill_selected: "*primary_500",
    checkbox_label_background_fill_selected_dark: "*primary_600",
    checkbox_label_text_color_selected: "white",
    button_primary_shadow: "*shadow_drop_lg",
    button_primary_shadow_hover: "*shadow_drop_lg",
    button_primary_shadow_active: "*shadow_inset",
    button_secondary_shadow: "*shadow_drop_lg",
    button_secondary_shadow_hover: "*shadow_drop_lg",
    button_secondary_shadow_active: "*shadow_inset",
    button_primary_background_fill: "*primary_500",
    button_primary_background_fill_hover: "*primary_400",
    button_primary_background_fill_hover_dark: "*primary_500",
    button_primary_text_color: "white",
    button_secondary_background_fill: "white",
    button_secondary_background_fill_hover: "*neutral_100",
    button_secondary_background_fill_hover_dark: "*primary_500",
    button_secondary_text_color: "*neutral_800",
    button_cancel_background_fill: "*button_secondary_background_fill",
    button_cancel_background_fill_hover: "*button_secondary_background_fill_hover",
    button_cancel_background_fill_hover_dark: "*button_secondary_background_fill_hover",
    button_cancel_text_color: "*button_secondary_text_color",
  },
);

/**
 * Glass: cool slate and blue, compact (small spacing, radii and text), humanist faces, and
 * glassy vertical gradients on buttons and inputs, blocks tinted slate; dark mode is deep slate.
 */
export const Glass: ThemeFactory = prebuilt(
  "glass",
  {
    primary_hue: "blue",
    secondary_hue: "slate",
    neutral_hue: "slate",
    spacing_size: "sm",
    radius_size: "sm",
    text_size: "sm",
    font: fonts.humanist,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    body_background_fill_dark: "*secondary_800",
    background_fill_primary_dark: "*neutral_700",
    background_fill_secondary: "*secondary_100",
    background_fill_secondary_dark: "*secondary_800",
    border_color_primary_dark: "*secondary_600",
    block_background_fill: "*secondary_50",
    block_background_fill_dark: "*secondary_800",
    block_border_width: "0px",
    block_border_width_dark: "1px",
    block_border_color_dark: "*secondary_600",
    block_label_text_color: "*secondary_500",
    block_title_text_color: "*secondary_500",
    block_label_text_color_dark: "*secondary_300",
    block_title_text_color_dark: "*secondary_300",
    block_label_text_weight: "600",
    block_title_text_weight: "600",
    block_label_text_size: "*text_md",
    block_title_text_size: "*text_md",
    block_label_background_fill: "*secondary_200",
    block_label_background_fill_dark: "*secondary_700",
    block_label_border_color_dark: "*secondary_600",
    panel_border_width: "1px",
    shadow_inset: "rgba(0,0,0,0.05) 0px 1px 2px 0px inset",
    input_background_fill: "linear-gradient(0deg, *secondary_100 0%, white 100%)",
    input_background_fill_dark: "*secondary_600",
    input_border_width: "1px",
    input_border_color_dark: "*secondary_600",
    input_border_color_focus_dark: "*secondary_500",
    button_border_width: "1px",
    button_primary_background_fill: "linear-gradient(180deg, *primary_100 0%, *primary_200 30%)",
    button_primary_background_fill_hover: "linear-gradient(180deg, *primary_50 0%, *primary_200 60%)",
    button_primary_background_fill_dark: "linear-gradient(180deg, *primary_500 0%, *primary_600 30%)",
    button_primary_background_fill_hover_dark: "linear-gradient(180deg, *primary_400 0%, *primary_600 60%)",
    button_primary_text_color: "*neutral_800",
    button_primary_border_color: "*primary_200",
    button_primary_border_color_hover: "*primary_200",
    button_primary_shadow_active: "*shadow_inset",
    button_secondary_background_fill: "linear-gradient(180deg, *secondary_100 0%, *secondary_200 30%)",
    button_secondary_background_fill_hover: "linear-gradient(180deg, *secondary_50 0%, *secondary_200 60%)",
    button_secondary_background_fill_dark: "linear-gradient(180deg, *secondary_500 0%, *secondary_600 30%)",
    button_secondary_background_fill_hover_dark: "linear-gradient(180deg, *secondary_400 0%, *secondary_600 60%)",
    button_secondary_shadow_active: "*shadow_inset",
    checkbox_border_width: "0px",
    checkbox_background_color_dark: "*secondary_400",
    checkbox_label_background_fill: "*button_secondary_background_fill",
    checkbox_label_background_fill_hover: "*button_secondary_background_fill_hover",
    checkbox_label_border_width: "1px",
    checkbox_label_border_color_dark: "*secondary_700",
    table_even_background_fill_dark: "*neutral_700",
    table_odd_background_fill_dark: "*neutral_700",
  },
);

/**
 * Ocean: emerald and sky on zinc, pill-shaped corners, buttons filled with a diagonal
 * sky-to-emerald gradient that grows slightly on hover, and blocks on a larger drop shadow.
 */
export const Ocean: ThemeFactory = prebuilt(
  "ocean",
  {
    primary_hue: "emerald",
    secondary_hue: "sky",
    neutral_hue: "zinc",
    spacing_size: "md",
    radius_size: "xxl",
    text_size: "md",
    font: fonts.ibm_plex_sans,
    font_mono: fonts.ibm_plex_mono,
  },
  {
    block_shadow: "*shadow_drop_lg",
    button_border_width: "0px",
    button_transform_hover: "scale(1.02)",
    button_transition: "all 0.1s ease-in-out",
    slider_color: "*primary_400",
    slider_color_dark: "*primary_500",
    button_primary_background_fill: "linear-gradient(120deg, *secondary_500 0%, *primary_300 60%, *primary_400 100%)",
    button_primary_background_fill_hover: "linear-gradient(120deg, *secondary_400 0%, *primary_300 60%, *primary_300 100%)",
    button_primary_background_fill_dark: "linear-gradient(120deg, *secondary_600 0%, *primary_500 60%, *primary_600 100%)",
    button_primary_background_fill_hover_dark: "linear-gradient(120deg, *secondary_500 0%, *primary_500 60%, *primary_500 100%)",
    button_primary_text_color: "*button_secondary_text_color",
    button_primary_shadow_hover: "0 1px 3px 0 *primary_200, 0 1px 2px -1px *primary_200",
    button_primary_shadow_dark: "none",
    button_primary_shadow_hover_dark: "none",
    button_secondary_background_fill: "linear-gradient(120deg, *neutral_300 0%, *neutral_100 60%, *neutral_200 100%)",
    button_secondary_background_fill_hover: "linear-gradient(120deg, *neutral_200 0%, *neutral_100 60%, *neutral_100 100%)",
    button_secondary_background_fill_dark: "linear-gradient(120deg, *neutral_700 0%, *neutral_600 60%, *neutral_700 100%)",
    button_secondary_background_fill_hover_dark: "linear-gradient(120deg, *neutral_600 0%, *neutral_600 60%, *neutral_700 100%)",
    button_secondary_shadow_hover: "*shadow_drop_lg",
    button_secondary_shadow_dark: "none",
    button_secondary_shadow_hover_dark: "none",
    checkbox_label_border_width: "1px",
    checkbox_label_background_fill_selected: "linear-gradient(120deg, *primary_400 0%, *primary_300 60%, *primary_400 100%)",
    checkbox_label_background_fill_selected_dark: "linear-gradient(120deg, *primary_600 0%, *primary_500 60%, *primary_600 100%)",
    checkbox_label_border_color_selected: "*primary_400",
    checkbox_label_border_color_selected_dark: "*primary_600",
    checkbox_label_text_color_selected: "*button_secondary_text_color",
    checkbox_background_color_selected: "*primary_400",
    checkbox_background_color_selected_dark: "*primary_600",
  },
);

/**
 * The eight prebuilt themes by their export names (`themes.Soft()`), in Gradio's order.
 * {@link themeByName} looks names up case-insensitively (`"soft"` as Gradio's `theme="soft"`).
 */
export const themes: Readonly<Record<string, () => Theme>> & {
  readonly Base: ThemeFactory;
  readonly Default: ThemeFactory;
  readonly Origin: ThemeFactory;
  readonly Citrus: ThemeFactory;
  readonly Monochrome: ThemeFactory;
  readonly Soft: ThemeFactory;
  readonly Glass: ThemeFactory;
  readonly Ocean: ThemeFactory;
} = Object.freeze({ Base, Default, Origin, Citrus, Monochrome, Soft, Glass, Ocean });

/**
 * A new prebuilt theme by name, case-insensitively (`themeByName("Soft")`).
 *
 * @throws Error listing the names when there is no theme of that name.
 */
export function themeByName(name: string): Theme {
  const key = typeof name === "string" ? name.trim().toLowerCase() : "";
  const factory = Object.entries(themes).find(([known]) => known.toLowerCase() === key)?.[1];
  if (!factory) {
    throw new Error(`Unknown theme ${JSON.stringify(name)}: choose one of ${Object.keys(themes).join(", ")}.`);
  }
  return factory();
}

let defaultCss: string | undefined;

/**
 * The Default theme's stylesheet, computed once: what a page uses when the app picks no theme.
 */
export function defaultThemeCss(): string {
  defaultCss ??= Default().css();
  return defaultCss;
}
