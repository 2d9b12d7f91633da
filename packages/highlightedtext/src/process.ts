import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { highlightedTextEvents, type HighlightedTextEvent, type HighlightedTextEventData } from "./events.js";
import {
  combineAdjacent,
  type HighlightedEntities,
  type HighlightedToken,
  type SpanLabel,
  type SpanPair,
} from "./spans.js";

/** What a function may return for a HighlightedText: `[text, label]` pairs, or a text with its entities. */
export type HighlightedTextValue = readonly SpanPair[] | HighlightedEntities;

/** Props of a HighlightedText. */
export interface HighlightedTextProps extends ComponentProps<HighlightedTextValue> {
  /** Colours of categories (`{ PER: "#22c55e", LOC: "blue" }`, any CSS colour); others get a palette colour. */
  color_map?: Record<string, string> | null;
  /** Whether neighbouring spans with the same label are shown as one span. */
  combine_adjacent?: boolean;
  /** What joins the texts of combined spans (default `""`). */
  adjacent_separator?: string;
  /** Whether a legend of the categories (or the score scale) shows above the text. */
  show_legend?: boolean;
  /** Whether each highlighted span shows its category beside its text (default `true`). */
  show_inline_category?: boolean;
  /** Whether the text reads right to left. */
  rtl?: boolean;
}

/**
 * Text with highlighted spans. As an output it takes `[text, label]` pairs (a label is a
 * category string, a score between -1 and 1, or null for plain text) or `{ text, entities }`
 * with `{ entity, start, end }` entities; as an input the function receives the pairs.
 */
export class HighlightedTextComponent extends Component<SpanPair[], HighlightedTextValue | null, HighlightedToken[] | null> {
  static override readonly events = highlightedTextEvents;
  readonly type = "highlightedtext";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: HighlightedTextProps;

  constructor(props: HighlightedTextProps = {}) {
    super(props as ComponentProps<HighlightedTextValue | null>);
    if (props.color_map != null) {
      if (typeof props.color_map !== "object" || Object.values(props.color_map).some((c) => typeof c !== "string")) {
        throw new TypeError("HighlightedText: color_map must map category names to CSS colour strings");
      }
    }
  }

  private get title(): string {
    return this.props.label ? `HighlightedText "${this.props.label}"` : "HighlightedText";
  }

  /** The browser's spans as `[text, label]` pairs. */
  override preprocess(payload: HighlightedToken[] | null | undefined): SpanPair[] {
    if (payload === null || payload === undefined) return [];
    if (!Array.isArray(payload)) throw new VitrineError(`${this.title} expects a list of spans`);
    return payload.map((t, i) => {
      const token = t as Partial<HighlightedToken> | null;
      if (!token || typeof token !== "object" || typeof token.token !== "string" || !isLabel(token.class_or_confidence ?? null)) {
        throw new VitrineError(`${this.title}: span ${i} must be { token: string, class_or_confidence: string | number | null }`);
      }
      return [token.token, token.class_or_confidence ?? null] as const;
    });
  }

  /** Pairs or `{ text, entities }` into the wire's spans, adjacent ones combined when asked. */
  override postprocess(value: HighlightedTextValue | null): HighlightedToken[] | null {
    if (value === null || value === undefined) return null;
    const tokens = Array.isArray(value) ? this.fromPairs(value) : this.fromEntities(value as HighlightedEntities);
    return this.props.combine_adjacent ? combineAdjacent(tokens, this.props.adjacent_separator ?? "") : tokens;
  }

  private fromPairs(pairs: readonly unknown[]): HighlightedToken[] {
    return pairs.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || !isLabel(pair[1])) {
        throw new VitrineError(`${this.title}: item ${i} must be a [text: string, label: string | number | null] pair, got ${safeJson(pair)}`);
      }
      return { token: pair[0], class_or_confidence: pair[1] };
    });
  }

  private fromEntities(value: HighlightedEntities): HighlightedToken[] {
    if (!value || typeof value !== "object" || typeof value.text !== "string" || !Array.isArray(value.entities)) {
      throw new VitrineError(`${this.title}: expected [text, label] pairs or { text: string, entities: [{ entity, start, end }] }, got ${safeJson(value)}`);
    }
    const { text } = value;
    const entities = [...value.entities].sort((a, b) => a.start - b.start);
    const tokens: HighlightedToken[] = [];
    let at = 0;
    entities.forEach((e, i) => {
      const label = e.entity ?? e.entity_group ?? null;
      if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < at || e.end < e.start || e.end > text.length || !isLabel(label)) {
        throw new VitrineError(
          `${this.title}: entity ${i} (${safeJson(e)}) must have a label and integer start <= end within the text (length ${text.length}), not overlapping another`,
        );
      }
      if (e.start > at) tokens.push({ token: text.slice(at, e.start), class_or_confidence: null });
      tokens.push({ token: text.slice(e.start, e.end), class_or_confidence: label });
      at = e.end;
    });
    if (at < text.length) tokens.push({ token: text.slice(at), class_or_confidence: null });
    return tokens;
  }

  api(): ApiDescription {
    return {
      type: {
        type: "array",
        items: {
          type: "object",
          properties: {
            token: { type: "string" },
            class_or_confidence: { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] },
          },
          required: ["token", "class_or_confidence"],
        },
      },
      python_type: { type: "List[Dict(token: str, class_or_confidence: str | float | None)]", description: "" },
    };
  }

  override exampleInput(): HighlightedToken[] {
    return [{ token: "Hello", class_or_confidence: "greeting" }, { token: " world", class_or_confidence: null }];
  }

  protected override ownProps(): Record<string, unknown> {
    return {
      color_map: this.props.color_map ?? null,
      combine_adjacent: this.props.combine_adjacent ?? false,
      adjacent_separator: this.props.adjacent_separator ?? "",
      show_legend: this.props.show_legend ?? false,
      show_inline_category: this.props.show_inline_category ?? true,
      rtl: this.props.rtl ?? false,
    };
  }
}
export interface HighlightedTextComponent extends Listeners<HighlightedTextEvent, HighlightedTextEventData> {}

function isLabel(v: unknown): v is SpanLabel {
  return v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Text with highlighted spans (Gradio's `gr.HighlightedText`): categories in colour, or scores
 * from red (-1) to green (+1).
 * @example vt.HighlightedText({ color_map: { PER: "#22c55e" }, show_legend: true })
 */
export function HighlightedText(props: HighlightedTextProps = {}): HighlightedTextComponent {
  return new HighlightedTextComponent(props);
}
export type HighlightedText = HighlightedTextComponent;
