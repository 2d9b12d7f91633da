import { afterEach, describe, expect, it } from "@jest/globals";
import { Blocks, render, type RenderBlock } from "@vitrine/core";
import { Textbox } from "@vitrine/textbox";
import { RENDERED_AFTER_CLOSE_MS, RENDERED_IDLE_MS, RenderedStore } from "./rendered.js";

let store: RenderedStore | null = null;
afterEach(() => store?.close());

function setup() {
  let block!: RenderBlock;
  Blocks(() => {
    const out = Textbox();
    block = render(() => {
      Textbox().submit({ fn: () => "x", outputs: out });
    });
  });
  let now = 0;
  store = new RenderedStore(5, () => now);
  return { block, store, advance: (ms: number) => (now += ms) };
}

describe("RenderedStore", () => {
  it("keeps each session's latest region and finds its listeners by fn_index", () => {
    const { block, store } = setup();
    const first = block.rebuild([], store.allocate);
    store.keep("a", first);
    const [id] = [...first.dependencies.keys()];
    expect(id).toBe(5);
    expect(store.dependency("a", 5)).toBe(first.dependencies.get(5));
    expect(store.dependency("b", 5)).toBeUndefined();
    const second = block.rebuild([], store.allocate);
    store.keep("a", second);
    expect(store.dependency("a", 5)).toBeUndefined();
    expect(store.dependency("a", 6)).toBeDefined();
  });

  it("drops a session's regions a minute after its page closes, unless it comes back, or after an hour unused", () => {
    const { block, store, advance } = setup();
    store.keep("a", block.rebuild([], store.allocate));
    store.keep("b", block.rebuild([], store.allocate));
    store.keep("c", block.rebuild([], store.allocate));
    store.closed("a");
    store.closed("b");
    store.opened("b");
    advance(RENDERED_AFTER_CLOSE_MS);
    store.sweep();
    expect(store.size).toBe(2);
    expect(store.dependency("a", 5)).toBeUndefined();
    advance(RENDERED_IDLE_MS - RENDERED_AFTER_CLOSE_MS - 1);
    store.dependency("b", 6); // b is used
    advance(1);
    store.sweep();
    expect(store.size).toBe(1);
    expect(store.dependency("b", 6)).toBeDefined();
  });
});
