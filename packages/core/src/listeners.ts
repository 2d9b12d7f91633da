import type { Block } from "./block.js";
import { eventListener, type EventListener, type EventName } from "./events.js";

/**
 * Gives a block one listener method per event it fires (`tabs.select(...)`,
 * `button.click(...)`), declared once as a `static events` list on its class.
 */
export function attachListeners(block: Block, events: readonly EventName[]): void {
  for (const event of events) {
    Object.defineProperty(block, event, { value: eventListener(block, event), enumerable: false });
  }
}

/** Listener methods for the events `E`. */
export type ListenersOf<E extends EventName> = { readonly [K in E]: EventListener };
