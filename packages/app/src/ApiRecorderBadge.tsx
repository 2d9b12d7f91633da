import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { ApiRecorderState } from "./api-recorder.js";

/**
 * Shown while the API recorder records: how many calls it has and the last one; pressing it
 * stops recording and opens the API panel with their snippets (as Gradio's recorder does).
 */
export function ApiRecorderBadge({ recorder, onOpen }: { recorder: StoreApi<ApiRecorderState>; onOpen: () => void }) {
  const recording = useStore(recorder, (s) => s.recording);
  const calls = useStore(recorder, (s) => s.calls);
  if (!recording) return null;
  const last = calls[calls.length - 1];
  return (
    <div className="vt-api-recorder" role="status">
      <button
        type="button"
        className="vt-api-recorder-button"
        onClick={() => {
          recorder.getState().stop();
          onOpen();
        }}
      >
        <span className="vt-api-recorder-dot" aria-hidden="true" />
        Recording API calls: [{calls.length}]{last ? <code> {last.apiName}</code> : null}
        <span className="vt-api-sr-only"> (stop and show the snippets)</span>
      </button>
    </div>
  );
}
