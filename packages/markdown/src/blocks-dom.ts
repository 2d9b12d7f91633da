import type { MarkdownBlock } from "./render.js";

/** A block shown in the page: the block, and the nodes its HTML made. */
export interface ShownBlock {
  readonly block: MarkdownBlock;
  readonly nodes: readonly ChildNode[];
}

/**
 * Brings `host`'s children from the blocks shown to `blocks`: the leading blocks whose HTML is
 * unchanged keep their nodes (a text selection, a hovered link, a loaded image stay as they
 * are); the rest are replaced. For a streamed reply, that is the block being written.
 * Returns what is now shown.
 */
export function patchBlocks(host: Element, shown: readonly ShownBlock[], blocks: readonly MarkdownBlock[]): ShownBlock[] {
  let same = 0;
  while (same < shown.length && same < blocks.length && shown[same]!.block.html === blocks[same]!.html) same++;
  for (let i = same; i < shown.length; i++) for (const node of shown[i]!.nodes) node.remove();
  const next = shown.slice(0, same);
  if (same === blocks.length) return next;
  const template = host.ownerDocument.createElement("template");
  for (let i = same; i < blocks.length; i++) {
    const block = blocks[i]!;
    // The HTML is the renderer's, sanitized unless the app turned that off.
    template.innerHTML = block.html;
    const nodes = [...template.content.childNodes];
    host.append(template.content);
    next.push({ block, nodes });
  }
  return next;
}
