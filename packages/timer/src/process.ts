import { fileURLToPath } from "node:url";
import { Component, registerEveryTimer, type ApiDescription, type BlockProps, type Listeners } from "@vitrine/core";
import { timerEvents, type TimerEvent } from "./events.js";

/** Props of a Timer. */
export interface TimerProps extends Omit<BlockProps, "visible"> {
  /** Seconds between ticks. Default 1. */
  value?: number | null;
  /** Whether the timer ticks. Default true. Change it (and `value`) from a function with `vt.update`. */
  active?: boolean;
}

/** Default seconds between ticks. */
const DEFAULT_SECONDS = 1;

/**
 * A clock on the page: it draws nothing and fires `tick` every `value` seconds while `active`.
 * As an input, the function receives its period in seconds; as an output, it takes a new
 * period, or `vt.update({ value, active })`.
 */
export class TimerComponent extends Component<number, number | null, number | null> {
  static override readonly events = timerEvents;
  readonly type = "timer";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: TimerProps;

  constructor(props: TimerProps = {}) {
    super(props);
    checkSeconds(props.value);
    if (props.active !== undefined && typeof props.active !== "boolean") {
      throw new TypeError(`Timer: active must be true or false, got ${JSON.stringify(props.active)}`);
    }
  }

  /** The period in seconds. */
  override preprocess(payload: number | null | undefined): number {
    if (payload === null || payload === undefined) return this.props.value ?? DEFAULT_SECONDS;
    if (typeof payload !== "number" || !Number.isFinite(payload)) {
      throw new TypeError(`Timer expects a number of seconds, got ${JSON.stringify(payload)}`);
    }
    return payload;
  }

  /** A new period in seconds (`null` keeps the timer without a period: it does not tick). */
  override postprocess(value: number | null): number | null {
    if (value === null || value === undefined) return null;
    checkSeconds(value);
    return value;
  }

  override initialPayload(): number {
    return this.props.value ?? DEFAULT_SECONDS;
  }

  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "seconds between ticks" } };
  }

  override exampleInput(): number {
    return DEFAULT_SECONDS;
  }

  protected override defaultProps(): Record<string, unknown> {
    return { show_label: false, container: false, min_width: 0 };
  }

  /** A Timer is never drawn: its block is "hidden" (on the page, unseen) while its view keeps time. */
  protected override ownProps(): Record<string, unknown> {
    return { active: this.props.active ?? true, visible: "hidden" };
  }
}
export interface TimerComponent extends Listeners<TimerEvent> {}

// A component's `value` function with `every: <seconds>` gets its Timer from here (core cannot import this package).
registerEveryTimer((seconds) => new TimerComponent({ value: seconds }));

function checkSeconds(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`Timer: value must be a positive number of seconds, got ${JSON.stringify(value)}`);
  }
}

/**
 * A Timer: fires `tick` every `value` seconds (default 1) while `active` (default true), as
 * Gradio's `gr.Timer`.
 *
 * @example
 * const timer = vt.Timer(0.5);
 * timer.tick({ fn: () => new Date().toLocaleTimeString(), outputs: [clock] });
 * @example vt.Timer(5, { active: false }) // starts paused; a function can start it with vt.update({ active: true })
 */
export function Timer(value?: number | null, props?: Omit<TimerProps, "value">): TimerComponent;
export function Timer(props?: TimerProps): TimerComponent;
export function Timer(a?: number | null | TimerProps, b: Omit<TimerProps, "value"> = {}): TimerComponent {
  return new TimerComponent(typeof a === "object" && a !== null ? a : { ...b, value: a ?? null });
}
export type Timer = TimerComponent;
