/** Builders of small configs for the unit tests. */
import type { ComponentConfig, DependencyConfig } from "@vitrine/core";
import type { EventClient, EventJob, JobMessage, SubmitOptions } from "../src/messages.js";

/** A component config with the given type and props. */
export function component(id: number, type = "textbox", props: Record<string, unknown> = {}): ComponentConfig {
  return { id, type, props: { visible: true, ...props }, skip_api: false, component_class_id: type, key: null };
}

/** A dependency config: defaults as the server writes them, overridden by `over`. */
export function dependency(id: number, over: Partial<DependencyConfig> = {}): DependencyConfig {
  return {
    id,
    targets: [],
    inputs: [],
    outputs: [],
    backend_fn: true,
    js: null,
    queue: true,
    api_name: null,
    api_visibility: "public",
    show_api: true,
    api_description: null,
    types: { generator: false, cancel: false },
    connection: "sse",
    cancels: [],
    batch: false,
    max_batch_size: 4,
    concurrency_limit: "default",
    concurrency_id: String(id),
    show_progress: "full",
    trigger_mode: "once",
    trigger_after: null,
    trigger_only_on_success: false,
    trigger_only_on_failure: false,
    every: null,
    scroll_to_output: false,
    collects_event_data: false,
    rendered_in: null,
    render_id: null,
    time_limit: null,
    stream_every: 0.5,
    event_specific_args: null,
    component_prop_inputs: [],
    js_implementation: null,
    show_progress_on: null,
    ...over,
  };
}

/** One recorded submission. */
export interface Submission {
  fnIndex: number;
  data: unknown[];
  options: SubmitOptions;
  cancelled: boolean;
}

/**
 * A stand-in for the server, for the runner's unit tests: each `fn_index` answers with the
 * messages its script yields (given the inputs). End-to-end tests use the real client and server.
 */
export function scriptedClient(
  scripts: Record<number, (data: unknown[]) => AsyncIterable<JobMessage> | Iterable<JobMessage>>,
): EventClient & { submissions: Submission[] } {
  const submissions: Submission[] = [];
  return {
    submissions,
    submit(fnIndex, data, options): EventJob {
      const submission = { fnIndex, data, options, cancelled: false };
      submissions.push(submission);
      const script = scripts[fnIndex] ?? (() => [{ type: "status", stage: "complete" } as JobMessage]);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const message of script(data)) {
            if (submission.cancelled) {
              yield { type: "status", stage: "complete" } as JobMessage;
              return;
            }
            yield message;
          }
        },
        cancel() {
          submission.cancelled = true;
        },
      };
    },
  };
}

/** A promise with its resolve function, to hold a script at a point. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets pending promise callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
