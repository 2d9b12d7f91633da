/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, useRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useAutoscroll } from "./autoscroll.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom lays nothing out: the log's geometry is set by hand, its scrollTop clamped as a browser does. */
const geometry = { height: 0, client: 100, top: 0, writes: 0 };
function fakeGeometry(el: HTMLElement): void {
  Object.defineProperty(el, "scrollHeight", { get: () => geometry.height });
  Object.defineProperty(el, "clientHeight", { get: () => geometry.client });
  Object.defineProperty(el, "scrollTop", {
    get: () => geometry.top,
    set: (v: number) => {
      geometry.writes++;
      geometry.top = Math.max(0, Math.min(v, geometry.height - geometry.client));
    },
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
function mount(): {
  render(count: number, height: number): Promise<void>;
  renderNow(count: number, height: number): void;
  scroll(top: number): void;
  user(event: Event, target?: "log" | "message"): void;
} {
  Object.assign(geometry, { height: 0, client: 100, top: 0, writes: 0 });
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  return {
    /** Renders, without letting a frame run. */
    renderNow(count, height) {
      geometry.height = height;
      act(() => root!.render(<Log count={count} />));
    },
    /** Renders, then lets the next animation frame run (the log follows its changes once per frame). */
    async render(count, height) {
      geometry.height = height;
      act(() => root!.render(<Log count={count} />));
      await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    },
    scroll(top) {
      geometry.top = top;
      act(() => container.firstElementChild!.dispatchEvent(new Event("scroll", { bubbles: true })));
    },
    /** Something the user does on the log, or on its first message. */
    user(event, target = "log") {
      const log = container.firstElementChild!;
      act(() => void (target === "log" ? log : log.firstElementChild!).dispatchEvent(event));
    },
  };
}

describe("useAutoscroll", () => {
  it("follows new content while the log is at its bottom", async () => {
    const log = mount();
    await log.render(1, 300);
    expect(geometry.top).toBe(200);
    await log.render(2, 500);
    expect(geometry.top).toBe(400);
  });

  it("stops once the user scrolls up, even when content lands before the scroll event", async () => {
    const log = mount();
    await log.render(1, 300);
    expect(geometry.top).toBe(200);
    // The user scrolls to the top (a wheel); a new message renders before the browser's scroll event.
    log.user(new WheelEvent("wheel", { deltaY: -300, bubbles: true }));
    geometry.top = 0;
    await log.render(2, 500);
    expect(geometry.top).toBe(0);
    log.scroll(0);
    await log.render(3, 700);
    expect(geometry.top).toBe(0);
    // Back at the bottom, it follows again.
    log.scroll(600);
    await log.render(4, 900);
    expect(geometry.top).toBe(800);
  });

  it("keeps following when the browser moves the position with no user input (content shrinking, then growing, in one frame)", async () => {
    const log = mount();
    await log.render(3, 700);
    expect(geometry.top).toBe(600);
    // A stylesheet loads (the content shrinks and the position is clamped), then a token lands.
    geometry.top = 480;
    await log.render(4, 760);
    expect(geometry.top).toBe(660);
    // The same with the clamp's scroll event first.
    geometry.height = 650;
    log.scroll(550);
    expect(geometry.top).toBe(550);
    await log.render(5, 900);
    expect(geometry.top).toBe(800);
  });

  it("counts the wheel, touches, scrolling keys and the scrollbar as the user's, not a press on a message or typing", async () => {
    const log = mount();
    await log.render(3, 700);
    log.user(new MouseEvent("pointerdown", { bubbles: true }), "message");
    log.user(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
    geometry.top = 300;
    await log.render(4, 800);
    expect(geometry.top).toBe(700);
    log.user(new KeyboardEvent("keydown", { key: "PageUp", bubbles: true }));
    geometry.top = 300;
    await log.render(5, 900);
    expect(geometry.top).toBe(300);
    // Back at the bottom; a press on the scrollbar (the log itself) counts too.
    log.scroll(800);
    log.user(new MouseEvent("pointerdown", { bubbles: true }));
    geometry.top = 500;
    await log.render(6, 1000);
    expect(geometry.top).toBe(500);
  });

  it("follows many changes within one frame (streamed tokens) with one scroll, in that frame", async () => {
    const log = mount();
    await log.render(1, 300);
    const before = geometry.writes;
    for (let n = 2; n <= 20; n++) log.renderNow(n, 100 * n + 200);
    // Nothing is read or written before the frame: the changes do not force a layout each.
    expect(geometry.writes).toBe(before);
    await log.render(21, 2300);
    expect(geometry.writes).toBe(before + 1);
    expect(geometry.top).toBe(2200);
  });

  it("keeps following when content shrinks (a cleared conversation) and grows again", async () => {
    const log = mount();
    await log.render(3, 700);
    expect(geometry.top).toBe(600);
    geometry.top = 0; // the browser clamps the position as the content shrinks
    await log.render(0, 100);
    await log.render(2, 400);
    expect(geometry.top).toBe(300);
  });

  it("observes each part's size once, and follows when a part grows later", async () => {
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
      await log.render(3, 700);
      expect(observed.map((p) => p.textContent)).toEqual(["0", "1", "2"]);
      // A new part (or a streamed token): only what is new is observed.
      await log.render(4, 900);
      await log.render(4, 950);
      expect(observed.map((p) => p.textContent)).toEqual(["0", "1", "2", "3"]);
      // Parts that are gone are let go.
      await log.render(2, 400);
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
