import { describe, expect, it } from "@jest/globals";
import { Blocks, render, type RenderBlock } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { RenderedStore } from "./rendered.js";

function setup() {
  let block!: RenderBlock;
  Blocks(() => {
    const out = Textbox();
    block = render(() => {
      Textbox().submit({ fn: () => "x", outputs: out });
    });
  });
  return { block, store: new RenderedStore(5) };
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

  it("forgets a session's regions when it ends", () => {
    const { block, store } = setup();
    store.keep("a", block.rebuild([], store.allocate));
    store.keep("b", block.rebuild([], store.allocate));
    store.drop("a");
    expect(store.size).toBe(1);
    expect(store.dependency("a", 5)).toBeUndefined();
    expect(store.dependency("b", 6)).toBeDefined();
  });
});
