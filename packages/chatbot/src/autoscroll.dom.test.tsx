/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, useRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useAutoscroll } from "./autoscroll.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom lays nothing out: the log's geometry is set by hand, its scrollTop clamped as a browser does. */
const geometry = { height: 0, client: 100, top: 0 };
function fakeGeometry(el: HTMLElement): void {
  Object.defineProperty(el, "scrollHeight", { get: () => geometry.height });
  Object.defineProperty(el, "clientHeight", { get: () => geometry.client });
  Object.defineProperty(el, "scrollTop", {
    get: () => geometry.top,
    set: (v: number) => { geometry.top = Math.max(0, Math.min(v, geometry.height - geometry.client)); },
  });
}

function Log({ count }: { count: number }) {
  const log = useRef<HTMLDivElement | null>(null);
  const onScroll = useAutoscroll(log, "p", true, [count]);
  return (
    <div ref={(el) => { if (el && log.current !== el) { fakeGeometry(el); log.current = el; } }} onScroll={onScroll}>
      {Array.from({ length: count }, (_, i) => <p key={i}>{i}</p>)}
    </div>
  );
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

/** A fresh empty log, 100 px tall. */
function mount(): { render(count: number, height: number): void; scroll(top: number): void } {
  Object.assign(geometry, { height: 0, client: 100, top: 0 });
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  return {
    render(count, height) {
      geometry.height = height;
      act(() => root!.render(<Log count={count} />));
    },
    scroll(top) {
      geometry.top = top;
      act(() => container.firstElementChild!.dispatchEvent(new Event("scroll", { bubbles: true })));
    },
  };
}

describe("useAutoscroll", () => {
  it("follows new content while the log is at its bottom", () => {
    const log = mount();
    log.render(1, 300);
    expect(geometry.top).toBe(200);
    log.render(2, 500);
    expect(geometry.top).toBe(400);
  });

  it("stops once the user scrolls up, even when content lands before the scroll event", () => {
    const log = mount();
    log.render(1, 300);
    expect(geometry.top).toBe(200);
    // The user scrolls to the top; a new message renders before the browser's scroll event.
    geometry.top = 0;
    log.render(2, 500);
    expect(geometry.top).toBe(0);
    log.scroll(0);
    log.render(3, 700);
    expect(geometry.top).toBe(0);
    // Back at the bottom, it follows again.
    log.scroll(600);
    log.render(4, 900);
    expect(geometry.top).toBe(800);
  });

  it("keeps following when content shrinks (a cleared conversation) and grows again", () => {
    const log = mount();
    log.render(3, 700);
    expect(geometry.top).toBe(600);
    geometry.top = 0; // the browser clamps the position as the content shrinks
    log.render(0, 100);
    log.render(2, 400);
    expect(geometry.top).toBe(300);
  });

  it("observes each part's size once, and follows when a part grows later", () => {
    const observed: Element[] = [];
    const unobserved: Element[] = [];
    let grew: (() => void) | null = null;
    class FakeResizeObserver {
      constructor(callback: () => void) {
        grew = callback;
      }
      observe(el: Element) {
        observed.push(el);
      }
      unobserve(el: Element) {
        unobserved.push(el);
      }
      disconnect() {}
    }
    const real = (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FakeResizeObserver;
    try {
      const log = mount();
      log.render(3, 700);
      expect(observed.map((p) => p.textContent)).toEqual(["0", "1", "2"]);
      // A new part (or a streamed token): only what is new is observed.
      log.render(4, 900);
      log.render(4, 950);
      expect(observed.map((p) => p.textContent)).toEqual(["0", "1", "2", "3"]);
      // Parts that are gone are let go.
      log.render(2, 400);
      expect(unobserved.map((p) => p.textContent)).toEqual(["2", "3"]);
      // A part grows later (an image loads): the log follows it.
      expect(geometry.top).toBe(300);
      geometry.height = 600;
      act(() => grew!());
      expect(geometry.top).toBe(500);
    } finally {
      (globalThis as { ResizeObserver?: unknown }).ResizeObserver = real;
    }
  });
});
