import type { LayoutNode } from "@vitrine/core";
import { ComponentBlock } from "./ComponentBlock.js";
import { useBlock, usePage } from "./context.js";
import { ErrorBox } from "./ErrorBox.js";
import { blockClasses, blockStyle, elemId, type Parent } from "./sizing.js";

/** The children of a layout node, each placed for its parent. */
function Children({ nodes, parent }: { nodes: LayoutNode[] | undefined; parent: Parent }) {
  return <>{(nodes ?? []).map((node) => <BlockNode key={node.id} node={node} parent={parent} />)}</>;
}

/** A Row: children side by side, wrapping when their `min_width`s do not fit. */
function Row({ node, parent }: { node: LayoutNode; parent: Parent }) {
  const { props } = useBlock(node.id);
  const variant = typeof props.variant === "string" ? `vt-variant-${props.variant}` : "";
  const style = { ...blockStyle(props, parent), alignItems: props.equal_height === false ? "flex-start" : "stretch" };
  return (
    <div className={blockClasses(["vt-row", variant], props)} id={elemId(props)} data-testid={`block-${node.id}`} style={style}>
      <Children nodes={node.children} parent="row" />
    </div>
  );
}

/** A Column: children stacked; inside a row, `scale` and `min_width` size it. */
function Column({ node, parent }: { node: LayoutNode; parent: Parent }) {
  const { props } = useBlock(node.id);
  const variant = typeof props.variant === "string" ? `vt-variant-${props.variant}` : "";
  return (
    <div className={blockClasses(["vt-column", variant], props)} id={elemId(props)} data-testid={`block-${node.id}`} style={blockStyle(props, parent)}>
      <Children nodes={node.children} parent="column" />
    </div>
  );
}

/** A block type the page cannot show: an inline error, then its children (if any) so the rest still works. */
function Unknown({ node, parent }: { node: LayoutNode; parent: Parent }) {
  const { type, props } = useBlock(node.id);
  return (
    <div className="vt-block" data-testid={`block-${node.id}`} style={blockStyle(props, parent)}>
      <ErrorBox title={type ? `Unknown block type "${type}"` : `Block ${node.id} is missing from the config`}>
        {type ? "The config lists no ui module for it." : null}
      </ErrorBox>
      {node.children?.length ? <Children nodes={node.children} parent="column" /> : null}
    </div>
  );
}

/** One node of the layout tree: a row, a column, a component, or an error box. */
export function BlockNode({ node, parent }: { node: LayoutNode; parent: Parent }) {
  const { views } = usePage();
  const { type } = useBlock(node.id);
  if (views.has(type)) return <ComponentBlock id={node.id} parent={parent} />;
  if (type === "row") return <Row node={node} parent={parent} />;
  if (type === "column" || type === "blocks") return <Column node={node} parent={parent} />;
  return <Unknown node={node} parent={parent} />;
}

/** The root of the layout (the app itself): its children stacked in the page. */
export function LayoutRoot({ node }: { node: LayoutNode }) {
  return (
    <div className="vt-column vt-root" data-testid={`block-${node.id}`}>
      <Children nodes={node.children} parent="column" />
    </div>
  );
}
