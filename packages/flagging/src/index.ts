/**
 * Vitrine flagging (Node): callbacks that save what users flag. An Interface flags through
 * `flagging_callback` (a {@link CSVLogger} by default); in Blocks, call a callback's `setup`
 * and bind a button's click to its `flag`.
 *
 * @packageDocumentation
 */
export type { FlaggingCallback } from "./callback.js";
export type { FlaggedComponent } from "./component.js";
export { CSVLogger, EXTRA_COLUMNS, type CSVLoggerOptions } from "./csv-logger.js";
export { SimpleCSVLogger, SIMPLE_LOG_FILE } from "./simple-csv-logger.js";
export { flagCell, type CellOptions } from "./cells.js";
export { readFlagged } from "./read.js";
export { sanitizeCell, sanitizeRow, UNSAFE_PREFIXES } from "./sanitize.js";
