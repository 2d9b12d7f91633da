import type { ViewProps } from "@vitrine/core";

/** Config props the BrowserState view reads. */
export interface BrowserStateViewProps {
  /** The localStorage key (the page restores and keeps the value under it, for any block with one). */
  storage_key: string;
}

/**
 * The BrowserState view: draws nothing. The page itself keeps the (sealed) value of any block
 * with a `storage_key` in localStorage, restoring it before the first event runs.
 */
export function BrowserStateView(_props: ViewProps<string | null, BrowserStateViewProps>) {
  return null;
}
