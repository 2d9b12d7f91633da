export { HighlightedText, HighlightedTextComponent, type HighlightedTextProps, type HighlightedTextValue } from "./process.js";
export {
  combineAdjacent,
  type HighlightedEntities,
  type HighlightedEntity,
  type HighlightedToken,
  type SpanLabel,
  type SpanPair,
} from "./spans.js";
export { highlightedTextEvents, type HighlightedTextEvent, type HighlightedTextEventData } from "./events.js";
