/**
 * Fonts as lists of family names, most wanted first. Fonts are never downloaded: a family that
 * is not installed on the reader's machine falls through to the next one, and every list ends
 * in a generic family (`sans-serif`, `monospace`, …) so text always renders.
 */

/** A font stack: family names, most wanted first (`["Inter", "system-ui", "sans-serif"]`). */
export type FontStack = readonly string[];

/** The operating system's interface sans-serif fonts. */
const SYSTEM_SANS = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];
/** The operating system's monospace fonts. */
const SYSTEM_MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"];
/** The operating system's serif fonts. */
const SYSTEM_SERIF = ["ui-serif", "Georgia", "Cambria", "Times New Roman", "Times", "serif"];

/**
 * Ready-made font stacks. Each starts with the family a prebuilt theme prefers (used when it
 * is installed) and falls back on system fonts.
 */
export const fonts = Object.freeze({
  /** The system's interface font. */
  system_sans: Object.freeze([...SYSTEM_SANS]),
  /** The system's monospace font. */
  system_mono: Object.freeze([...SYSTEM_MONO]),
  /** The system's serif font. */
  system_serif: Object.freeze([...SYSTEM_SERIF]),
  /** Source Sans Pro, then the system font (Default and Origin). */
  source_sans: Object.freeze(["Source Sans Pro", ...SYSTEM_SANS]),
  /** IBM Plex Mono, then the system monospace font (most themes' code font). */
  ibm_plex_mono: Object.freeze(["IBM Plex Mono", ...SYSTEM_MONO]),
  /** IBM Plex Sans, then the system font (Ocean). */
  ibm_plex_sans: Object.freeze(["IBM Plex Sans", ...SYSTEM_SANS]),
  /** Ubuntu, then the system font (Citrus). */
  ubuntu: Object.freeze(["Ubuntu", ...SYSTEM_SANS]),
  /** Roboto Mono, then the system monospace font (Citrus's code font). */
  roboto_mono: Object.freeze(["Roboto Mono", ...SYSTEM_MONO]),
  /** Montserrat, then the system font (Soft). */
  montserrat: Object.freeze(["Montserrat", ...SYSTEM_SANS]),
  /** Lora, then the system serif font (Monochrome). */
  lora: Object.freeze(["Lora", ...SYSTEM_SERIF]),
  /** Humanist sans-serif faces: Optima, Candara, Noto Sans (Glass). */
  humanist: Object.freeze(["Optima", "Candara", "Noto Sans", "source-sans-pro", "sans-serif"]),
});

/** Generic family keywords and system font keywords, which CSS wants unquoted. */
const KEYWORDS = new Set([
  "serif", "sans-serif", "monospace", "cursive", "fantasy", "math", "emoji", "fangsong",
  "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "-apple-system",
  "blinkmacsystemfont",
]);

/** Characters a family name may contain: letters, digits, spaces, dots, hyphens and underscores. */
const FAMILY = /^[\p{L}\p{N} ._-]+$/u;

/**
 * Formats a font stack as the value of a CSS `font-family`: family names are quoted, generic
 * families and system font keywords (`sans-serif`, `system-ui`, `-apple-system`, …) are not.
 *
 * @throws TypeError when the stack is empty or a name holds characters a family name never
 *   has (quotes, commas, semicolons, braces, …).
 * @example fontStack(["IBM Plex Mono", "monospace"]) // `"IBM Plex Mono", monospace`
 */
export function fontStack(families: string | FontStack): string {
  const list = typeof families === "string" ? [families] : [...families];
  if (list.length === 0) throw new TypeError("A font stack needs at least one family name.");
  return list
    .map((raw) => {
      const name = typeof raw === "string" ? raw.trim() : "";
      if (!name || !FAMILY.test(name)) {
        throw new TypeError(
          `Font family ${JSON.stringify(raw)} is not a plain family name: use letters, digits, spaces, '.', '-' or '_' only.`,
        );
      }
      return KEYWORDS.has(name.toLowerCase()) ? name : `"${name}"`;
    })
    .join(", ");
}
