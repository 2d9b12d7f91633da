import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";

/** How close to its bottom (px) a log still counts as at its bottom. */
const NEAR_BOTTOM = 40;

/** What a user does to scroll a log: the wheel, a touch, a key, or a press on its scrollbar. */
const USER_SCROLL_EVENTS = ["wheel", "touchmove", "keydown", "pointerdown"] as const;

/** Whether a key goes to a field (a message being edited) rather than scrolling. */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.isContentEditable === true);
}

/** The keys that scroll a log. */
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);

/**
 * Keeps a scrolling log at its bottom while the user leaves it there: in the animation frame
 * after a change of `changes` (new messages, a new status, streamed tokens: however many came
 * in that frame, the log's geometry is read and written once, so each change does not force a
 * layout of its own), and whenever one of its `parts` (a selector) grows
 * later (a font, an image or a code block that renders late). A user who scrolls up stops it,
 * even when new content lands before the browser's scroll event does: the position is checked
 * against where the log was last put. Only a user's scroll stops it (the wheel, a touch, a key or
 * the scrollbar since the log was last put at its bottom): the browser moving the position as
 * content shrinks and grows again within a frame (a stylesheet that loads as a token lands) does
 * not. Scrolling back to the bottom starts it again.
 *
 * Returns the log's `onScroll` handler.
 */
export function useAutoscroll(log: RefObject<HTMLElement | null>, parts: string, enabled: boolean, changes: readonly unknown[]): () => void {
  /**
   * Where the log was when it was last found or put at its bottom; null while the user keeps it
   * scrolled up. (It starts at the top of an empty log.)
   */
  const placed = useRef<{ top: number; height: number } | null>({ top: 0, height: 0 });
  const following = useRef(enabled);
  /** Whether the user did something that scrolls (wheel, touch, key, scrollbar) since the log was last put at its bottom. */
  const userScrolling = useRef(false);

  const follow = useCallback(() => {
    const el = log.current;
    const at = placed.current;
    if (!el || !at) return;
    // Scrolled up since it was put at its bottom (with content that did not shrink meanwhile), by
    // the user: their scroll event is still on its way.
    if (userScrolling.current && el.scrollTop < at.top - 1 && el.scrollHeight >= at.height) {
      placed.current = null;
      return;
    }
    el.scrollTop = el.scrollHeight;
    placed.current = { top: el.scrollTop, height: el.scrollHeight };
    userScrolling.current = false;
  }, [log]);

  const onScroll = useCallback(() => {
    const el = log.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
    if (atBottom) {
      placed.current = { top: el.scrollTop, height: el.scrollHeight };
      userScrolling.current = false;
    } else if (userScrolling.current || !placed.current) {
      placed.current = null;
    } else if (following.current) {
      // The browser moved it (content shrank, then grew): still following.
      follow();
    }
  }, [log, follow]);

  // What the user does to scroll the log.
  useEffect(() => {
    const el = log.current;
    if (!el || !enabled) return;
    const mark = (e: Event) => {
      // A press on the log itself is on its scrollbar (a press on a message's button is not), and
      // only the keys that scroll count (not typing in a message being edited).
      if (e.type === "pointerdown" && e.target !== el) return;
      if (e.type === "keydown" && (!SCROLL_KEYS.has((e as KeyboardEvent).key) || isEditable(e.target))) return;
      userScrolling.current = true;
    };
    for (const type of USER_SCROLL_EVENTS) el.addEventListener(type, mark, { passive: true });
    return () => {
      for (const type of USER_SCROLL_EVENTS) el.removeEventListener(type, mark);
    };
  }, [log, enabled]);

  /** The frame in which the log follows its changes (one per frame, however many changes it had). */
  const frame = useRef<number | null>(null);
  useLayoutEffect(() => {
    following.current = enabled;
  }, [enabled]);
  useLayoutEffect(() => {
    if (!enabled || frame.current !== null) return;
    if (typeof requestAnimationFrame === "undefined") return follow();
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      // (Unless following was turned off meanwhile.)
      if (following.current) follow();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `changes` are the triggers
  }, [enabled, follow, ...changes]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );

  /** The observer of the parts' sizes while following is enabled, and the parts it observes. */
  const watcher = useRef<{ observer: ResizeObserver; parts: Set<Element> } | null>(null);
  useEffect(() => {
    if (!enabled || typeof ResizeObserver === "undefined") return;
    const current = { observer: new ResizeObserver(follow), parts: new Set<Element>() };
    watcher.current = current;
    return () => {
      current.observer.disconnect();
      if (watcher.current === current) watcher.current = null;
    };
  }, [enabled, follow]);
  // After each change, only parts new since the last one are observed (and those gone are
  // let go): a streamed token observes nothing again, however long the conversation.
  useEffect(() => {
    const el = log.current;
    const current = watcher.current;
    if (!el || !current) return;
    const now = new Set(el.querySelectorAll(parts));
    for (const part of now) if (!current.parts.has(part)) current.observer.observe(part);
    for (const part of current.parts) if (!now.has(part)) current.observer.unobserve(part);
    current.parts = now;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parts change with `changes`
  }, [log, parts, enabled, follow, ...changes]);

  return onScroll;
}
