import { useEffect, useId, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { LayoutNode } from "@vitrine/core";
import { ComponentBlock } from "./ComponentBlock.js";
import { useBlock, usePage, useView } from "./context.js";
import { ErrorBox } from "./ErrorBox.js";
import { LAYOUT_TYPES } from "./loadViews.js";
import { blockClasses, blockStyle, elemId, type Parent } from "./sizing.js";

/** The children of a layout node, each placed for its parent. */
function Children({ nodes, parent }: { nodes: LayoutNode[] | undefined; parent: Parent }) {
  return <>{(nodes ?? []).map((node) => <BlockNode key={node.id} node={node} parent={parent} />)}</>;
}

/** Props every layout view gets. */
interface LayoutViewProps {
  node: LayoutNode;
  parent: Parent;
}

/** The outer element of a layout: its classes, `elem_id`, test id and size in its parent. */
function LayoutBox({
  node,
  parent,
  base,
  style,
  children,
}: LayoutViewProps & { base: string[]; style?: CSSProperties; children: ReactNode }) {
  const { props } = useBlock(node.id);
  const variant = typeof props.variant === "string" && props.variant !== "default" ? `vt-variant-${props.variant}` : "";
  return (
    <div
      className={blockClasses([...base, variant], props)}
      id={elemId(props)}
      data-testid={`block-${node.id}`}
      style={{ ...blockStyle(props, parent), ...style }}
    >
      {children}
    </div>
  );
}

/** A Row: children side by side, wrapping when their `min_width`s do not fit. */
function Row({ node, parent }: LayoutViewProps) {
  const { props } = useBlock(node.id);
  return (
    <LayoutBox node={node} parent={parent} base={["vt-row"]} style={{ alignItems: props.equal_height === false ? "flex-start" : "stretch" }}>
      <Children nodes={node.children} parent="row" />
    </LayoutBox>
  );
}

/** A Column: children stacked; inside a row, `scale` and `min_width` size it. */
function Column({ node, parent }: LayoutViewProps) {
  return (
    <LayoutBox node={node} parent={parent} base={["vt-column"]}>
      <Children nodes={node.children} parent="column" />
    </LayoutBox>
  );
}

/** A Group: children joined with no gap, inside one border. */
function Group({ node, parent }: LayoutViewProps) {
  return (
    <LayoutBox node={node} parent={parent} base={["vt-group"]}>
      <Children nodes={node.children} parent="column" />
    </LayoutBox>
  );
}

const NO_PROPS: Record<string, unknown> = {};

/** The key a tab is selected by: its `id`, else its index. */
function tabKey(props: Record<string, unknown>, index: number): string | number {
  const id = props.id;
  return typeof id === "string" || typeof id === "number" ? id : index;
}

/** Tabs: a row of tab buttons, and the selected tab's content (the others stay mounted, hidden). */
function Tabs({ node, parent }: LayoutViewProps) {
  const { store, runner } = usePage();
  const { props } = useBlock(node.id);
  const tabs = useStore(
    store,
    useShallow((s) => (node.children ?? []).map((child) => s.blocks[child.id]?.props ?? NO_PROPS)),
  );
  const baseId = useId();
  const keys = tabs.map((p, i) => tabKey(p, i));
  const shown = tabs.map((p) => p.visible !== false && p.visible !== "hidden");
  const requested = props.selected;
  let selected = keys.findIndex((k, i) => shown[i] && (k === requested || String(k) === String(requested)));
  if (selected < 0) selected = shown.indexOf(true);

  const choose = (index: number): void => {
    const child = node.children![index]!;
    const tab = tabs[index]!;
    const data = { index, value: tab.label ?? null, selected: true, id: keys[index] };
    const changed = index !== selected;
    store.getState().setProps(node.id, { selected: keys[index] });
    void runner.fire(child.id, "select", data);
    void runner.fire(node.id, "select", data);
    if (changed) void runner.fire(node.id, "change", null);
  };

  /** Arrow keys, Home and End move to the next enabled, visible tab (WAI-ARIA tabs). */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const usable = tabs.map((t, i) => (shown[i] && t.interactive !== false ? i : -1)).filter((i) => i >= 0);
    if (usable.length === 0) return;
    const focused = Number((e.target as HTMLElement).dataset.index ?? selected);
    const at = Math.max(0, usable.indexOf(focused));
    const next =
      e.key === "ArrowRight" ? usable[(at + 1) % usable.length]
      : e.key === "ArrowLeft" ? usable[(at - 1 + usable.length) % usable.length]
      : e.key === "Home" ? usable[0]
      : e.key === "End" ? usable[usable.length - 1]
      : undefined;
    if (next === undefined) return;
    e.preventDefault();
    choose(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-index="${next}"]`)?.focus();
  };

  return (
    <LayoutBox node={node} parent={parent} base={["vt-tabs"]}>
      <div className="vt-tab-list" role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) =>
          shown[i] ? (
            <button
              key={node.children![i]!.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${i}`}
              aria-selected={i === selected}
              tabIndex={i === selected ? 0 : -1}
              data-index={i}
              aria-controls={elemId(tab) ?? `${baseId}-panel-${i}`}
              className={`vt-tab-button${i === selected ? " vt-tab-selected" : ""}`}
              disabled={tab.interactive === false}
              onClick={() => choose(i)}
            >
              {typeof tab.label === "string" ? tab.label : `Tab ${i + 1}`}
            </button>
          ) : null,
        )}
      </div>
      {(node.children ?? []).map((child, i) => (
        <TabPanel key={child.id} node={child} hidden={i !== selected} labelledBy={`${baseId}-tab-${i}`} panelId={elemId(tabs[i]!) ?? `${baseId}-panel-${i}`} />
      ))}
    </LayoutBox>
  );
}

/** One tab's content. */
function TabPanel({ node, hidden, labelledBy, panelId }: { node: LayoutNode; hidden: boolean; labelledBy: string; panelId: string }) {
  const { props } = useBlock(node.id);
  return (
    <div
      role="tabpanel"
      id={panelId}
      aria-labelledby={labelledBy}
      hidden={hidden}
      className={blockClasses(["vt-tab-panel", "vt-column"], props)}
      data-testid={`block-${node.id}`}
    >
      <Children nodes={node.children} parent="column" />
    </div>
  );
}

/** Opens or closes a collapsible block, firing `expand` or `collapse`. */
function useToggle(id: number): [boolean, () => void] {
  const { store, runner } = usePage();
  const { props } = useBlock(id);
  const open = props.open !== false;
  const toggle = (): void => {
    store.getState().setProps(id, { open: !open });
    void runner.fire(id, open ? "collapse" : "expand", null);
  };
  return [open, toggle];
}

/** An Accordion: a header button, and the content while open. */
function Accordion({ node, parent }: LayoutViewProps) {
  const { props } = useBlock(node.id);
  const [open, toggle] = useToggle(node.id);
  const contentId = useId();
  return (
    <LayoutBox node={node} parent={parent} base={["vt-accordion", open ? "vt-open" : ""]}>
      <button type="button" className="vt-accordion-header" aria-expanded={open} aria-controls={contentId} onClick={toggle}>
        <span>{typeof props.label === "string" ? props.label : ""}</span>
        <span className="vt-chevron" aria-hidden="true" />
      </button>
      <div id={contentId} className="vt-accordion-content vt-column" hidden={!open}>
        <Children nodes={node.children} parent="column" />
      </div>
    </LayoutBox>
  );
}

/** A Sidebar: a panel fixed to one side of the window, with a button that collapses it. */
function Sidebar({ node }: LayoutViewProps) {
  const { props } = useBlock(node.id);
  const [open, toggle] = useToggle(node.id);
  const position = props.position === "right" ? "right" : "left";
  const width = typeof props.width === "number" ? `${props.width}px` : typeof props.width === "string" ? props.width : "320px";
  const contentId = useId();
  const { store } = usePage();
  useEffect(() => {
    // On a narrow screen the sidebar would cover the page: it starts closed there.
    if (window.matchMedia?.("(max-width: 768px)").matches) store.getState().setProps(node.id, { open: false });
  }, [store, node.id]);
  useEffect(() => {
    // Wide screens make room for an open sidebar; narrow ones draw it over the page.
    const root = document.documentElement;
    root.style.setProperty(`--vt-sidebar-${position}`, open ? width : "0px");
    return () => {
      root.style.removeProperty(`--vt-sidebar-${position}`);
    };
  }, [open, position, width]);
  return (
    <>
      {open ? <div className="vt-sidebar-backdrop" onClick={toggle} aria-hidden="true" /> : null}
      <aside
        className={blockClasses(["vt-sidebar", `vt-sidebar-${position}`, open ? "vt-open" : ""], props)}
        id={elemId(props)}
        data-testid={`block-${node.id}`}
        style={{ width: `min(${width}, 85vw)`, display: props.visible === false || props.visible === "hidden" ? "none" : undefined }}
        aria-label={typeof props.label === "string" ? props.label : "Sidebar"}
      >
        <button
          type="button"
          className="vt-sidebar-toggle"
          aria-expanded={open}
          aria-controls={contentId}
          aria-label={open ? "Close sidebar" : "Open sidebar"}
          onClick={toggle}
        >
          <span className="vt-chevron" aria-hidden="true" />
        </button>
        <div id={contentId} className="vt-sidebar-content vt-column" hidden={!open}>
          {typeof props.label === "string" && props.label ? <h2 className="vt-sidebar-label">{props.label}</h2> : null}
          <Children nodes={node.children} parent="column" />
        </div>
      </aside>
    </>
  );
}

/** A `vt.render` region: the blocks of its latest rebuild. */
function Render({ node, parent }: LayoutViewProps) {
  const { store } = usePage();
  const children = useStore(store, (s) => s.renders[node.id]);
  return (
    <LayoutBox node={node} parent={parent} base={["vt-render", "vt-column"]}>
      <Children nodes={children ?? node.children} parent="column" />
    </LayoutBox>
  );
}

/** A block type the page cannot show: an inline error, then its children (if any) so the rest still works. */
function Unknown({ node, parent }: LayoutViewProps) {
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

const LAYOUTS: Record<string, (props: LayoutViewProps) => ReactNode> = {
  row: Row,
  column: Column,
  blocks: Column,
  group: Group,
  tabs: Tabs,
  // A tab outside of Tabs (only in hand-written configs) shows as a column.
  tabitem: Column,
  accordion: Accordion,
  sidebar: Sidebar,
  render: Render,
};

/** One node of the layout tree: a layout, a component, or an error box. */
export function BlockNode({ node, parent }: LayoutViewProps) {
  const { type } = useBlock(node.id);
  const view = useView(type);
  if (view !== null) return <ComponentBlock id={node.id} parent={parent} />;
  const Layout = LAYOUT_TYPES.has(type) ? LAYOUTS[type] : undefined;
  if (Layout) return <Layout node={node} parent={parent} />;
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
