import type { Component } from "@vitrine/core";
import type { Locator, Page } from "playwright-core";

/** Any component (its value types do not matter to the suite). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any, any, any>;

/** What an event trigger gets: the page, and the component under test on it. */
export interface TriggerContext {
  /** The page, opened on the conformance app. */
  page: Page;
  /** The component under test: its block (`.vt-block`), interactive, holding the first sample. */
  block: Locator;
  /**
   * Makes the server send the component a new value (the next sample, then the one after),
   * as an event's output does: how an output component's `change` is fired.
   */
  sendValue(): Promise<void>;
}

/**
 * How the suite fires one event from the view: a function that does what a user does (click,
 * type, press a key), or, for an event a plain page cannot fire (a webcam stream, a timer), a
 * sentence saying why and which test covers it instead. The sentence is printed in the test name.
 */
export type EventTrigger = ((context: TriggerContext) => Promise<void>) | string;

/** What a component package tells the conformance suite about itself. */
export interface ComponentSpec<P extends object = object> {
  /** The component's factory or constructor call, e.g. `(props) => Textbox(props)`. */
  create(props: P): AnyComponent;
  /** Props every instance needs (a Dropdown's `choices`). Default none. */
  props?: Partial<P>;
  /**
   * Values a function may return for it (at least two, the first non-empty): the suite sends each
   * through `postprocess`, JSON, and `preprocess`, shows them as examples, and sets the first as
   * the component's value on the page.
   */
  samples: readonly unknown[];
  /**
   * Checks a sample after its round trip (default: deep equality with the sample). Use `expect`
   * inside; a value that comes back in another form (a path copied into the cache) needs this.
   */
  roundTrip?(back: unknown, sample: unknown): void | Promise<void>;
  /**
   * The control a user edits the value with, inside the block (`block.getByRole("textbox")`):
   * enabled when interactive, absent or disabled when not. Null for a component that shows
   * values only (Label, Markdown).
   */
  editor: ((block: Locator) => Locator) | null;
  /** How to fire each event the component declares (its static `events`). Every one needs an entry. */
  events: Readonly<Record<string, EventTrigger>>;
  /**
   * False for a component that draws nothing (State, Timer): the browser checks then only
   * check that it stays unseen and that its events fire; label, visibility, interactivity,
   * example and accessibility checks do not apply. Default true.
   */
  drawn?: boolean;
  /** Whether it shows a label and info text (false for buttons, whose text is their value). Default true. */
  labelled?: boolean;
  /**
   * With `labelled: false`: its `label` is the text of its control, as Gradio's UploadButton and
   * DownloadButton take it, so the label must show there. Default false.
   */
  labelIsText?: boolean;
  /** Options of the headless browser. */
  browser?: { fakeMedia?: boolean; args?: readonly string[] };
  /** The test suite's name. Default the component's type. */
  name?: string;
}
