import { Container, currentScope, type BlockProps } from "./block.js";
import type { SelectData } from "./event-data.js";
import type { EventListener } from "./events.js";
import { attachListeners } from "./listeners.js";

/** Props of a Row. */
export interface RowProps extends BlockProps {
  /** Whether children share the row's height. Default true. */
  equal_height?: boolean;
  /** "panel" draws a background behind the row; "compact" joins its children with no gap. */
  variant?: "default" | "panel" | "compact";
}

/** Props of a Column. */
export interface ColumnProps extends BlockProps {
  /** Relative width against sibling columns. Default 1. */
  scale?: number;
  /** Minimum width in pixels; the row wraps when it cannot fit. Default 320. */
  min_width?: number;
  /** "panel" draws a background behind the column; "compact" joins its children with no gap. */
  variant?: "default" | "panel" | "compact";
}

/** Props of a Group. */
export interface GroupProps extends BlockProps {}

/** Props of a Tabs container. */
export interface TabsProps extends BlockProps {
  /** The tab shown first: a Tab's `id`, or its index. Default the first visible tab. */
  selected?: string | number | null;
}

/** Props of one Tab. */
export interface TabProps extends BlockProps {
  /** The text of the tab's button. */
  label?: string | null;
  /** An id for `Tabs({ selected })` and the `select` event; default the tab's index. */
  id?: string | number | null;
  /** Whether the tab's button can be clicked. Default true. */
  interactive?: boolean;
  /** Relative width of the tab's content inside a Row. */
  scale?: number | null;
}

/** Props of an Accordion. */
export interface AccordionProps extends BlockProps {
  /** The text of the header that opens and closes it. */
  label?: string | null;
  /** Whether it starts open. Default true. */
  open?: boolean;
}

/** Props of a Sidebar. */
export interface SidebarProps extends BlockProps {
  /** A heading shown at the top of the sidebar. */
  label?: string | null;
  /** Whether it starts open. Default true. */
  open?: boolean;
  /** Which side of the page it sits on. Default "left". */
  position?: "left" | "right";
  /** Its width on wide screens, in pixels or a CSS length. Default 320. */
  width?: number | string;
}

/** A horizontal layout: children side by side. */
export class RowBlock extends Container {
  readonly type = "row";
  override configProps(): Record<string, unknown> {
    return { variant: "default", equal_height: true, ...super.configProps() };
  }
}

/** A vertical layout: children stacked. */
export class ColumnBlock extends Container {
  readonly type = "column";
  override configProps(): Record<string, unknown> {
    return { scale: 1, min_width: 320, variant: "default", ...super.configProps() };
  }
}

/** Children joined with no gap between them, inside one border. */
export class GroupBlock extends Container {
  readonly type = "group";
}

const tabsEvents = ["change", "select"] as const;
const tabEvents = ["select"] as const;
const toggleEvents = ["expand", "collapse"] as const;

/** A set of tabs: one Tab's content shows at a time. Fires `select` and `change` when the user picks a tab. */
export class TabsBlock extends Container {
  /** Names of the events the tabs fire. */
  static readonly events = tabsEvents;
  readonly type = "tabs";
  /** Whether this Tabs was made implicitly around Tabs placed directly in another layout. */
  readonly implicit: boolean;
  constructor(props: TabsProps = {}, implicit = false) {
    super(props);
    this.implicit = implicit;
    attachListeners(this, tabsEvents);
  }
  override configProps(): Record<string, unknown> {
    return { selected: null, ...super.configProps() };
  }
}
export interface TabsBlock {
  /** The user picked a tab (also when it was already selected); `ctx.event` is its SelectData (`index`, `value`: the label, `id`). */
  readonly select: EventListener<SelectData>;
  /** The selected tab changed. */
  readonly change: EventListener;
}

/** One tab of a Tabs: a label and the content shown when it is selected. Fires `select`. */
export class TabBlock extends Container {
  /** Names of the events a tab fires. */
  static readonly events = tabEvents;
  readonly type = "tabitem";
  constructor(props: TabProps = {}) {
    super({ ...props, render: false });
    attachListeners(this, tabEvents);
    if (props.render !== false) this.placeInTabs();
  }

  /** Places the tab in the current Tabs; outside of one, in a Tabs made for it (shared by consecutive tabs). */
  private placeInTabs(): void {
    const scope = currentScope();
    if (!scope) return;
    if (scope instanceof TabsBlock) return scope.add(this);
    const last = scope.children[scope.children.length - 1];
    const tabs = last instanceof TabsBlock && last.implicit ? last : new TabsBlock({}, true);
    tabs.add(this);
  }

  override render(): this {
    const scope = currentScope();
    if (!scope) throw new Error("render() must be called inside a Blocks builder callback");
    this.placeInTabs();
    return this;
  }

  override configProps(): Record<string, unknown> {
    return { label: null, id: null, interactive: true, ...super.configProps() };
  }
}
export interface TabBlock {
  /** The user picked this tab; `ctx.event` is its SelectData. */
  readonly select: EventListener<SelectData>;
}

/** A section that opens and closes under a header. Fires `expand` and `collapse`. */
export class AccordionBlock extends Container {
  /** Names of the events the accordion fires. */
  static readonly events = toggleEvents;
  readonly type = "accordion";
  constructor(props: AccordionProps = {}) {
    super(props);
    attachListeners(this, toggleEvents);
  }
  override configProps(): Record<string, unknown> {
    return { label: null, open: true, ...super.configProps() };
  }
}
export interface AccordionBlock extends Record<(typeof toggleEvents)[number], EventListener> {}

/**
 * A panel at the side of the page that the user can collapse; an overlay on narrow screens.
 * Fires `expand` and `collapse`.
 */
export class SidebarBlock extends Container {
  /** Names of the events the sidebar fires. */
  static readonly events = toggleEvents;
  readonly type = "sidebar";
  constructor(props: SidebarProps = {}) {
    super(props);
    attachListeners(this, toggleEvents);
    if (props.position !== undefined && props.position !== "left" && props.position !== "right") {
      throw new TypeError(`Sidebar position must be "left" or "right", got ${JSON.stringify(props.position)}`);
    }
  }
  override configProps(): Record<string, unknown> {
    return { label: null, open: true, position: "left", width: 320, ...super.configProps() };
  }
}
export interface SidebarBlock extends Record<(typeof toggleEvents)[number], EventListener> {}

/**
 * What a layout builder returns: the callback's result when it returns something (so
 * `const [a, b] = vt.Row(() => [vt.Textbox(), vt.Number()])` works), else the layout block.
 */
export type Built<B, R> = [R] extends [void] ? B : R;

/** A layout's builder callback: it gets the layout block (to listen to its events) and may return anything. */
type Build<B, R> = (block: B) => R;

/** Splits `(props?, build?)` or `(build)` and fills the block; returns the callback's result or the block. */
function layout<B extends Container, P, R>(make: (props: P) => B, a?: P | Build<B, R>, b?: Build<B, R>): Built<B, R> {
  const [props, build] = typeof a === "function" ? [{} as P, a as Build<B, R>] : [(a ?? {}) as P, b];
  const block = make(props);
  const result = block.build(build);
  return (result === undefined ? block : result) as Built<B, R>;
}

/**
 * Lays its children out side by side.
 * @example vt.Row(() => { vt.Textbox(); vt.Button("Go"); });
 * @example const [a, b] = vt.Row(() => [vt.Textbox(), vt.Number()]);
 */
export function Row(): RowBlock;
export function Row<const R = void>(build: Build<RowBlock, R>): Built<RowBlock, R>;
export function Row<const R = void>(props: RowProps, build?: Build<RowBlock, R>): Built<RowBlock, R>;
export function Row<R>(a?: RowProps | Build<RowBlock, R>, b?: Build<RowBlock, R>): Built<RowBlock, R> {
  return layout((p: RowProps) => new RowBlock(p), a, b);
}

/**
 * Stacks its children vertically; inside a Row, `scale` and `min_width` size it.
 * @example vt.Column({ scale: 2 }, () => { vt.Markdown("Wide"); });
 */
export function Column(): ColumnBlock;
export function Column<const R = void>(build: Build<ColumnBlock, R>): Built<ColumnBlock, R>;
export function Column<const R = void>(props: ColumnProps, build?: Build<ColumnBlock, R>): Built<ColumnBlock, R>;
export function Column<R>(a?: ColumnProps | Build<ColumnBlock, R>, b?: Build<ColumnBlock, R>): Built<ColumnBlock, R> {
  return layout((p: ColumnProps) => new ColumnBlock(p), a, b);
}

/**
 * Joins its children with no gap, inside one border.
 * @example vt.Group(() => { vt.Textbox({ label: "First" }); vt.Textbox({ label: "Last" }); });
 */
export function Group(): GroupBlock;
export function Group<const R = void>(build: Build<GroupBlock, R>): Built<GroupBlock, R>;
export function Group<const R = void>(props: GroupProps, build?: Build<GroupBlock, R>): Built<GroupBlock, R>;
export function Group<R>(a?: GroupProps | Build<GroupBlock, R>, b?: Build<GroupBlock, R>): Built<GroupBlock, R> {
  return layout((p: GroupProps) => new GroupBlock(p), a, b);
}

/**
 * A set of tabs; put `vt.Tab`s inside. Tabs placed directly in another layout get one made for them.
 * @example vt.Tabs({ selected: "b" }, () => { vt.Tab({ label: "A", id: "a" }, () => {…}); vt.Tab({ label: "B", id: "b" }, () => {…}); });
 */
export function Tabs(): TabsBlock;
export function Tabs<const R = void>(build: Build<TabsBlock, R>): Built<TabsBlock, R>;
export function Tabs<const R = void>(props: TabsProps, build?: Build<TabsBlock, R>): Built<TabsBlock, R>;
export function Tabs<R>(a?: TabsProps | Build<TabsBlock, R>, b?: Build<TabsBlock, R>): Built<TabsBlock, R> {
  return layout((p: TabsProps) => new TabsBlock(p), a, b);
}

/**
 * One tab: its label, and the blocks shown while it is selected.
 * @example vt.Tab({ label: "Settings" }, () => { vt.Checkbox({ label: "Dark" }); });
 */
export function Tab(): TabBlock;
export function Tab<const R = void>(build: Build<TabBlock, R>): Built<TabBlock, R>;
export function Tab<const R = void>(props: TabProps, build?: Build<TabBlock, R>): Built<TabBlock, R>;
export function Tab<R>(a?: TabProps | Build<TabBlock, R>, b?: Build<TabBlock, R>): Built<TabBlock, R> {
  return layout((p: TabProps) => new TabBlock(p), a, b);
}

/** Gradio's other name for a Tab. */
export const TabItem = Tab;

/**
 * A section that opens and closes under its label.
 * @example vt.Accordion({ label: "More", open: false }, () => { vt.Slider(); });
 */
export function Accordion(): AccordionBlock;
export function Accordion<const R = void>(build: Build<AccordionBlock, R>): Built<AccordionBlock, R>;
export function Accordion<const R = void>(props: AccordionProps, build?: Build<AccordionBlock, R>): Built<AccordionBlock, R>;
export function Accordion<R>(a?: AccordionProps | Build<AccordionBlock, R>, b?: Build<AccordionBlock, R>): Built<AccordionBlock, R> {
  return layout((p: AccordionProps) => new AccordionBlock(p), a, b);
}

/**
 * A collapsible panel at the side of the page.
 * @example vt.Sidebar({ position: "left" }, () => { vt.Markdown("## Filters"); });
 */
export function Sidebar(): SidebarBlock;
export function Sidebar<const R = void>(build: Build<SidebarBlock, R>): Built<SidebarBlock, R>;
export function Sidebar<const R = void>(props: SidebarProps, build?: Build<SidebarBlock, R>): Built<SidebarBlock, R>;
export function Sidebar<R>(a?: SidebarProps | Build<SidebarBlock, R>, b?: Build<SidebarBlock, R>): Built<SidebarBlock, R> {
  return layout((p: SidebarProps) => new SidebarBlock(p), a, b);
}
