/** Common props every block accepts (layouts and components alike). */
export interface BlockProps {
  /**
   * Whether the block is shown: `false` leaves it out of the page (a component's view is not
   * mounted), `"hidden"` keeps it on the page but unseen (its view stays mounted: a hidden
   * webcam keeps streaming, a hidden component keeps its value and events). Default true.
   */
  visible?: boolean | "hidden";
  /** HTML id of the block's element, for custom CSS. */
  elem_id?: string | null;
  /** HTML classes of the block's element, for custom CSS. */
  elem_classes?: string | string[] | null;
  /** Whether the block is placed in the current builder scope when created (default true). */
  render?: boolean;
  /** A stable key for the block across re-renders. */
  key?: string | number | null;
  /**
   * Inside a `render` region, the props (constructor parameter names, `"value"` among them) that
   * keep what the page shows when the region is rebuilt and this block comes back with the same
   * `key`, if the user or an event changed them since the last rebuild; the others take what the
   * rebuild gives. Default `"value"`. (Gradio 5's `preserved_by_key`.)
   */
  preserved_by_key?: string | readonly string[] | null;
}

let nextBlockId = 1;

/**
 * A node of the app graph: a layout (Row, Column, …) or a component.
 * Blocks created inside a builder callback attach themselves to the innermost open scope.
 */
export abstract class Block {
  /** Unique id; the id components carry in the config and on the wire. */
  readonly id: number = nextBlockId++;
  /** Lower-case type name, as in Gradio's config (`"textbox"`, `"row"`, …). */
  abstract readonly type: string;
  /** The layout or app this block was placed in, if any. */
  parent: Container | null = null;
  /** The props given to the constructor, kept for the config. */
  readonly blockProps: BlockProps;

  constructor(props: BlockProps = {}) {
    this.blockProps = props;
    if (props.render !== false) currentScope()?.add(this);
  }

  /** Places this block in the current builder scope (for blocks created with `render: false`). */
  render(): this {
    const scope = currentScope();
    if (!scope) throw new Error("render() must be called inside a Blocks builder callback");
    scope.add(this);
    return this;
  }

  /** Props serialized into the config for the browser. */
  configProps(): Record<string, unknown> {
    const { render: _render, key: _key, preserved_by_key: preserved, ...rest } = this.blockProps;
    const kept = preserved === undefined ? ["value"] : preserved === null ? [] : typeof preserved === "string" ? [preserved] : [...preserved];
    return { visible: true, ...dropUndefined(rest as Record<string, unknown>), ...(this.blockProps.key != null ? { preserved_by_key: kept } : {}) };
  }
}

/** A block that holds other blocks: layouts and the app root. */
export abstract class Container extends Block {
  /** The blocks placed in this one, in order. */
  readonly children: Block[] = [];

  /** Places a block last among the children, moving it out of its previous parent. */
  add(child: Block): void {
    if (child.parent) {
      const siblings = child.parent.children;
      siblings.splice(siblings.indexOf(child), 1);
    }
    child.parent = this;
    this.children.push(child);
  }

  /** Runs `build` with this container as the current scope, like Python's `with`. */
  fill(build?: (self: this) => void): this {
    this.build(build);
    return this;
  }

  /**
   * Runs `build` with this container as the current scope and returns what it returns. The
   * callback gets the container (like Python's `with … as x`), to listen to its events inside.
   */
  build<R>(build?: (self: this) => R): R | undefined {
    if (!build) return undefined;
    scopeStack.push(this);
    try {
      return build(this);
    } finally {
      scopeStack.pop();
    }
  }
}

const scopeStack: Container[] = [];

/** The innermost container whose builder callback is running, if any. */
export function currentScope(): Container | null {
  return scopeStack[scopeStack.length - 1] ?? null;
}

/** The outermost container whose builder callback is running (the app being built), if any. */
export function rootScope(): Container | null {
  return scopeStack[0] ?? null;
}

/** Copies an object without its `undefined` entries. */
export function dropUndefined<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}
