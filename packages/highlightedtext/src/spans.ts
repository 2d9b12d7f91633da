/**
 * The value model of HighlightedText, shared by the server and the view: spans of text, each with
 * a category (a string), a score (a number, -1 to 1) or nothing.
 */

/** A span's label: a category, a score, or none. */
export type SpanLabel = string | number | null;

/** One span as the function returns and receives it: `[text, label]`. */
export type SpanPair = readonly [text: string, label: SpanLabel];

/** One span on the wire (Gradio's HighlightedToken). */
export interface HighlightedToken {
  /** The span's text. */
  token: string;
  /** Its category, or its score for a numeric label; null for plain text. */
  class_or_confidence: SpanLabel;
}

/** An entity in `{ text, entities }` form: a label over `text.slice(start, end)`. */
export interface HighlightedEntity {
  /** The span's label. */
  entity?: string | number | null;
  /** Named-entity pipelines' spelling of `entity` (Gradio reads both). */
  entity_group?: string | number | null;
  /** Index in `text` where the span starts. */
  start: number;
  /** Index in `text` just after the span. */
  end: number;
}

/** A text and the entities found in it (a NER pipeline's output). */
export interface HighlightedEntities {
  /** The whole text. */
  text: string;
  /** The labelled spans of the text. */
  entities: readonly HighlightedEntity[];
}

/**
 * Merges runs of neighbouring spans with the same label into one span, their texts joined by
 * `separator` (Gradio's `combine_adjacent` and `adjacent_separator`).
 */
export function combineAdjacent(tokens: readonly HighlightedToken[], separator: string): HighlightedToken[] {
  const out: HighlightedToken[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.class_or_confidence === t.class_or_confidence) last.token += separator + t.token;
    else out.push({ ...t });
  }
  return out;
}

/** The span's colour for a score in [-1, 1]: red for negative, green for positive, stronger further from 0. */
export function scoreColor(score: number): string {
  const s = Math.max(-1, Math.min(1, score));
  return s < 0
    ? `color-mix(in srgb, var(--error-text-color) ${(-s * 100).toFixed(1)}%, transparent)`
    : `color-mix(in srgb, var(--vt-success-color) ${(s * 100).toFixed(1)}%, transparent)`;
}

/** The palette categories without a `color_map` entry take their colours from, in order. */
export const PALETTE: readonly string[] = [
  "#ef4444", "#3b82f6", "#22c55e", "#f59e0b", "#a855f7", "#06b6d4", "#ec4899", "#84cc16", "#f97316", "#6366f1",
];

/** The colour of each category: its `color_map` entry, else the palette's next colour in order of first appearance. */
export function categoryColors(categories: readonly string[], colorMap: Readonly<Record<string, string>> | null | undefined): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const c of categories) {
    if (colors.has(c)) continue;
    const mapped = colorMap?.[c];
    colors.set(c, mapped ?? PALETTE[next++ % PALETTE.length]!);
  }
  return colors;
}
