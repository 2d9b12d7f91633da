import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { dateTimeEvents, type DateTimeEvent, type DateTimeEventData } from "./events.js";
import { checkTimezone, formatDateTime, isRelative, parseDateTime } from "./parse.js";

/** What the function receives: seconds since the epoch, a `Date`, or the formatted text. */
export type DateTimeType = "timestamp" | "datetime" | "string";

/** The function's argument for each `type`. */
export interface DateTimeTypes {
  /** With `type: "timestamp"`: seconds since the epoch. */
  timestamp: number;
  /** With `type: "datetime"`: a `Date`. */
  datetime: Date;
  /** With `type: "string"`: the text as shown. */
  string: string;
}

/**
 * A value a DateTime takes (initial value, function result): a `Date`, seconds since the epoch,
 * or text (`YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, or a relative value such as `"now - 1d"`).
 */
export type DateTimeInput = Date | number | string;

/** Props of a DateTime. */
export interface DateTimeProps<T extends DateTimeType = "timestamp"> extends ComponentProps<DateTimeInput> {
  /** Whether the value has a time (`YYYY-MM-DD HH:MM:SS`) or only a date (`YYYY-MM-DD`). Default true. */
  include_time?: boolean;
  /** What the function receives: `"timestamp"` (seconds, default), `"datetime"` (a `Date`) or `"string"`. */
  type?: T;
  /** IANA time zone (`"Europe/Paris"`) the text is read and written in; the server's local zone by default. */
  timezone?: string | null;
}

/**
 * A date and time. The wire value is wall-clock text in `timezone`; the function receives it as
 * `type` says, with relative values (`"now - 1d"`) resolved against {@link DateTimeComponent.now}.
 */
export class DateTimeComponent<T extends DateTimeType = "timestamp"> extends Component<
  DateTimeTypes[T] | null,
  DateTimeInput | null,
  string | null
> {
  static override readonly events = dateTimeEvents;
  readonly type = "datetime";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DateTimeProps<T>;
  /** The clock relative values count from; replace it to pin "now" (tests, replays). */
  now: () => Date = () => new Date();

  constructor(props: DateTimeProps<T> = {}) {
    super(props);
    const type = props.type ?? "timestamp";
    if (type !== "timestamp" && type !== "datetime" && type !== "string") {
      throw new TypeError(`DateTime: type must be "timestamp", "datetime" or "string", got ${JSON.stringify(type)}`);
    }
    if (props.timezone != null) checkTimezone(props.timezone);
    if (this.valueProp !== undefined && this.valueProp !== null) this.postprocess(this.valueProp);
  }

  private get title(): string {
    return this.props.label ? `DateTime "${this.props.label}"` : "DateTime";
  }

  private get options() {
    return { includeTime: this.props.include_time ?? true, timezone: this.props.timezone ?? null };
  }

  /** Reads `text` (absolute or relative) into an instant, or throws a VitrineError the user sees. */
  private read(text: string): Date {
    try {
      return parseDateTime(text, { ...this.options, now: this.now() });
    } catch (err) {
      throw new VitrineError(`${this.title}: ${(err as Error).message}`);
    }
  }

  /** The browser's text as the function's `type`: seconds, a `Date`, or the formatted text; empty gives null. */
  override preprocess(payload: string | null | undefined): DateTimeTypes[T] | null {
    if (payload === null || payload === undefined || payload.trim() === "") return null;
    if (typeof payload !== "string") throw new VitrineError(`${this.title}: expected text, got ${typeof payload}`);
    const instant = this.read(payload);
    switch (this.props.type ?? "timestamp") {
      case "datetime":
        return instant as DateTimeTypes[T];
      case "string":
        return formatDateTime(instant, this.options) as DateTimeTypes[T];
      default:
        return (this.options.includeTime ? instant.getTime() / 1000 : Math.floor(instant.getTime() / 1000)) as DateTimeTypes[T];
    }
  }

  /**
   * The function's value as text in the zone: a `Date` or seconds are formatted; text is checked
   * and kept (a relative value stays relative, as in Gradio, and is resolved when read).
   */
  override postprocess(value: DateTimeInput | null): string | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) throw new VitrineError(`${this.title}: the Date is invalid`);
      return formatDateTime(value, this.options);
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new VitrineError(`${this.title}: ${value} is not a timestamp in seconds`);
      return formatDateTime(new Date(value * 1000), this.options);
    }
    if (typeof value === "string") {
      if (value.trim() === "") return null;
      if (isRelative(value)) return value.trim();
      return formatDateTime(this.read(value), this.options);
    }
    throw new VitrineError(`${this.title}: expected a Date, seconds or text, got ${typeof value}`);
  }

  api(): ApiDescription {
    const form = this.options.includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD";
    return { type: { type: "string", description: `Formatted as ${form}` }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return this.options.includeTime ? "2020-10-01 05:20:15" : "2020-10-01";
  }

  protected override ownProps(): Record<string, unknown> {
    const { include_time = true, type = "timestamp", timezone = null } = this.props;
    return { include_time, type, timezone };
  }
}
export interface DateTimeComponent<T extends DateTimeType = "timestamp"> extends Listeners<DateTimeEvent, DateTimeEventData> {}

/**
 * A date and time field (Gradio 5's `gr.DateTime`) with a calendar picker. The function
 * receives seconds since the epoch (`type: "timestamp"`, default), a `Date` (`"datetime"`) or
 * `YYYY-MM-DD HH:MM:SS` text (`"string"`); null when empty. Relative values such as
 * `"now - 1d"` or `"now - 2h30m"` are resolved when the function runs.
 * @example vt.DateTime({ label: "Since", value: "now - 1d", type: "datetime", timezone: "Europe/Paris" })
 */
export function DateTime<const T extends DateTimeType = "timestamp">(props: DateTimeProps<T> = {}): DateTimeComponent<T> {
  return new DateTimeComponent<T>(props);
}
export type DateTime<T extends DateTimeType = "timestamp"> = DateTimeComponent<T>;
