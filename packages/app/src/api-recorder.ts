/**
 * The API recorder: while it records, every event the page sends to the server whose
 * dependency has a public API name is kept, with the data actually sent, so the API panel can
 * show the snippets that reproduce those calls in order (Gradio's "API Recorder").
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ApiInfo, ComponentConfig, DependencyConfig } from "@vitrine/core";
import type { SnippetCall } from "./api-snippets.js";
import { parameterName } from "./api-snippets.js";

/** One call the page made while recording. */
export interface RecordedCall {
  /** The dependency's id (the wire `fn_index`). */
  fnIndex: number;
  /** The endpoint, with its leading slash (`/predict`). */
  apiName: string;
  /** The ids of the dependency's input blocks, in order. */
  inputs: readonly number[];
  /** The values sent, one per input (State inputs included, as the page sends them). */
  data: readonly unknown[];
}

/** The recorder's state and actions. */
export interface ApiRecorderState {
  /** Whether calls are being recorded. */
  recording: boolean;
  /** The calls recorded so far, oldest first. */
  calls: readonly RecordedCall[];
  /** Starts recording (the calls recorded before are kept). */
  start(): void;
  /** Stops recording; the calls recorded stay. */
  stop(): void;
  /** Forgets the recorded calls. */
  clear(): void;
  /**
   * What the page calls as it sends an event: kept when recording and the dependency has a
   * public API name.
   */
  record(dep: Pick<DependencyConfig, "id" | "api_name" | "api_visibility" | "inputs">, data: readonly unknown[]): void;
}

/** A new, idle recorder. */
export function createApiRecorder(): StoreApi<ApiRecorderState> {
  return createStore<ApiRecorderState>((set, get) => ({
    recording: false,
    calls: [],
    start: () => set({ recording: true }),
    stop: () => set({ recording: false }),
    clear: () => set({ calls: [] }),
    record: (dep, data) => {
      if (!get().recording || !dep.api_name || dep.api_visibility !== "public") return;
      const call: RecordedCall = { fnIndex: dep.id, apiName: `/${dep.api_name}`, inputs: [...dep.inputs], data: [...data] };
      set({ calls: [...get().calls, call] });
    },
  }));
}

/**
 * The recorded calls as snippet calls: State inputs (the API skips them) left out, and each
 * value named after its endpoint parameter in `/info` (`input_<n>` when the endpoint is not
 * listed there).
 */
export function recordedSnippetCalls(
  calls: readonly RecordedCall[],
  components: readonly Pick<ComponentConfig, "id" | "skip_api">[],
  info: Pick<ApiInfo, "named_endpoints"> | null,
): SnippetCall[] {
  const skipped = new Set(components.filter((c) => c.skip_api).map((c) => c.id));
  return calls.map((call) => {
    const params = info?.named_endpoints[call.apiName]?.parameters ?? [];
    const values = call.data.filter((_, i) => !skipped.has(call.inputs[i]!));
    return {
      apiName: call.apiName,
      args: values.map((value, i) => ({ name: params[i] ? parameterName(params[i]) : `input_${i}`, value })),
    };
  });
}
