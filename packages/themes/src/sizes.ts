/**
 * Sizes as data, like Gradio's `gr.themes.sizes`: each scale has seven steps, from `xxs` to
 * `xxl`, and a theme picks one scale for spacing, one for corner radii and one for text.
 */

/** The steps every size scale has, smallest first. */
export const SIZE_STEPS = ["xxs", "xs", "sm", "md", "lg", "xl", "xxl"] as const;

/** One step of a size scale: `"xxs"`, `"xs"`, …, `"xxl"`. */
export type SizeStep = (typeof SIZE_STEPS)[number];

/**
 * A size scale: one CSS length per step. `name` is set on the built-in scales
 * (`"spacing_md"`, …); a custom scale may leave it out.
 */
export type Size = { readonly [S in SizeStep]: string } & { readonly name?: string };

/** Builds a named scale from its seven lengths, given smallest first in one space-separated string. */
function scale(name: string, lengths: string): Size {
  const values = lengths.split(" ");
  return Object.freeze({ name, ...Object.fromEntries(SIZE_STEPS.map((step, i) => [step, values[i]])) }) as Size;
}

/**
 * The built-in size scales. A theme takes them by their short name for the matching option
 * (`spacing_size: "lg"`, `radius_size: "none"`, `text_size: "sm"`), by their full name
 * (`"spacing_lg"`), or as objects.
 */
export const sizes = Object.freeze({
  /** Square corners everywhere. */
  radius_none: scale("radius_none", "0px 0px 0px 0px 0px 0px 0px"),
  /** Slightly rounded corners. */
  radius_sm: scale("radius_sm", "1px 1px 2px 4px 6px 8px 12px"),
  /** Rounded corners (the Default theme's). */
  radius_md: scale("radius_md", "1px 2px 4px 6px 8px 12px 22px"),
  /** Well rounded corners. */
  radius_lg: scale("radius_lg", "2px 4px 6px 8px 12px 16px 24px"),
  /** Pill-like corners (the Ocean theme's). */
  radius_xxl: scale("radius_xxl", "6px 8px 10px 20px 24px 28px 32px"),
  /** Tight spacing. */
  spacing_sm: scale("spacing_sm", "1px 1px 2px 4px 6px 9px 12px"),
  /** Medium spacing (the Default theme's). */
  spacing_md: scale("spacing_md", "1px 2px 4px 6px 8px 10px 16px"),
  /** Roomy spacing. */
  spacing_lg: scale("spacing_lg", "2px 4px 6px 8px 10px 14px 28px"),
  /** Small text (13px body). */
  text_sm: scale("text_sm", "8px 9px 11px 13px 16px 20px 24px"),
  /** Medium text (14px body, the Default theme's). */
  text_md: scale("text_md", "9px 10px 12px 14px 16px 22px 26px"),
  /** Large text (16px body). */
  text_lg: scale("text_lg", "10px 12px 14px 16px 20px 24px 28px"),
});

/** The name of a built-in size scale: `"radius_md"`, `"spacing_lg"`, `"text_sm"`, …. */
export type SizeName = keyof typeof sizes;

/** The kind of a size scale, which is the prefix of its name. */
export type SizeKind = "spacing" | "radius" | "text";

/** The short names a theme option of each kind accepts (`"md"` for `sizes.spacing_md`). */
export type SizeShortName<K extends SizeKind> = SizeName extends infer N
  ? N extends `${K}_${infer S}`
    ? S
    : never
  : never;
