import { Container, type BlockProps } from "./block.js";

/** Props of a Row. */
export interface RowProps extends BlockProps {
  /** Whether children share the row's height. Default true. */
  equal_height?: boolean;
  /** Whether the row shows a background. */
  variant?: "default" | "panel" | "compact";
}

/** Props of a Column. */
export interface ColumnProps extends BlockProps {
  /** Relative width against sibling columns. Default 1. */
  scale?: number;
  /** Minimum width in pixels; the row wraps when it cannot fit. Default 320. */
  min_width?: number;
  variant?: "default" | "panel" | "compact";
}

/** A horizontal layout: children side by side. */
export class RowBlock extends Container {
  readonly type = "row";
}

/** A vertical layout: children stacked. */
export class ColumnBlock extends Container {
  readonly type = "column";
  override configProps(): Record<string, unknown> {
    return { scale: 1, min_width: 320, ...super.configProps() };
  }
}

type Build = () => void;

function splitArgs<P>(a?: P | Build, b?: Build): [P, Build | undefined] {
  return typeof a === "function" ? [{} as P, a as Build] : [(a ?? {}) as P, b];
}

/**
 * Lays its children out side by side.
 * @example vt.Row(() => { vt.Textbox(); vt.Button("Go"); });
 */
export function Row(build?: Build): RowBlock;
export function Row(props: RowProps, build?: Build): RowBlock;
export function Row(a?: RowProps | Build, b?: Build): RowBlock {
  const [props, build] = splitArgs<RowProps>(a, b);
  return new RowBlock(props).fill(build);
}

/**
 * Stacks its children vertically; inside a Row, `scale` and `min_width` size it.
 * @example vt.Column({ scale: 2 }, () => { vt.Markdown("Wide"); });
 */
export function Column(build?: Build): ColumnBlock;
export function Column(props: ColumnProps, build?: Build): ColumnBlock;
export function Column(a?: ColumnProps | Build, b?: Build): ColumnBlock {
  const [props, build] = splitArgs<ColumnProps>(a, b);
  return new ColumnBlock(props).fill(build);
}
