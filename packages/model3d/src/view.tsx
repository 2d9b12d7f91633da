import { useEffect, useRef, useState } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { MODEL_EXTENSIONS, modelExtension } from "./formats.js";
import type { ModelScene } from "./scene.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useFileDrop } from "@vitrine/view-kit";

/** Config props the Model3D view reads. */
export interface Model3DViewProps {
  /** How the model is drawn: "solid" (default), "point_cloud" or "wireframe". */
  display_mode: "solid" | "point_cloud" | "wireframe" | null;
  /** Background colour of the scene: `[r, g, b, a]`, each 0..1. */
  clear_color: [number, number, number, number] | null;
  /** Where the camera starts: `[alpha, beta, radius]`. */
  camera_position: [number | null, number | null, number | null];
  /** Speed of zooming with the wheel or a pinch. */
  zoom_speed: number;
  /** Speed of panning (right drag, or two fingers). */
  pan_speed: number;
  /** Height of the viewer: pixels, or a CSS length. */
  height: number | string | null;
}

const CSS = `
.vt-model3d-frame { position: relative; min-height: 120px; height: 320px; overflow: hidden;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-model3d-canvas { position: absolute; inset: 0; }
.vt-model3d-frame canvas { display: block; width: 100%; height: 100%; touch-action: none; cursor: grab; outline: none; }
.vt-model3d-frame canvas:active { cursor: grabbing; }
.vt-model3d-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); z-index: 1; }
.vt-model3d-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-model3d-tool:hover { border-color: var(--color-accent); }
.vt-model3d-message { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: var(--spacing-lg);
  text-align: center; color: var(--body-text-color-subdued); font-size: var(--text-sm); pointer-events: none; }
.vt-model3d-message[role="alert"] { color: var(--error-text-color); }
.vt-model3d-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-model3d-drop:focus-visible, .vt-model3d-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-model3d-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-model3d-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/** The file's name for its user. */
function fileName(file: FileData): string {
  return file.orig_name ?? file.path.split(/[\\/]/).pop() ?? "model";
}

/** The scene module, loaded (with three.js) the first time a model is shown. */
let sceneModule: Promise<typeof import("./scene.js")> | null = null;
function loadSceneModule(): Promise<typeof import("./scene.js")> {
  sceneModule ??= import("./scene.js").catch((err: unknown) => {
    sceneModule = null;
    throw err;
  });
  return sceneModule;
}

const ACCEPT = MODEL_EXTENSIONS.join(",");

/**
 * The Model3D view: the model drawn by three.js (loaded only when there is a model), turned with
 * the mouse (drag to orbit, wheel to zoom, right drag to pan), with reset-camera, download and
 * clear buttons; when interactive and empty, an upload area for a model file. Without WebGL it
 * says so, and the model can still be downloaded.
 */
export function Model3DView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<FileData | null, Model3DViewProps>) {
  adoptStylesheet("vt-model3d-style", CSS);
  const holder = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const scene = useRef<ModelScene | null>(null);
  const [state, setState] = useState<{ stage: "idle" | "loading" | "shown" } | { stage: "error"; message: string }>({ stage: "idle" });
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const label = props.label ?? "3D model";
  const url = value ? fileUrl(value) : null;
  const name = value ? fileName(value) : "";
  const ext = value ? modelExtension(fileName(value)) ?? modelExtension(value.path) : null;
  const settings = JSON.stringify([props.clear_color, props.camera_position, props.zoom_speed, props.pan_speed, props.display_mode]);

  useEffect(() => {
    if (!url || !holder.current) return;
    if (!ext) {
      setState({ stage: "error", message: `"${name}" is not a 3D model this viewer shows (${MODEL_EXTENSIONS.join(", ")}).` });
      return;
    }
    let current = true;
    let shown: ModelScene | null = null;
    setState({ stage: "loading" });
    void (async () => {
      try {
        const { ModelScene } = await loadSceneModule();
        if (!current) return;
        shown = new ModelScene(holder.current!, {
          clearColor: props.clear_color ?? [0, 0, 0, 0],
          cameraPosition: props.camera_position ?? [null, null, null],
          zoomSpeed: props.zoom_speed ?? 1,
          panSpeed: props.pan_speed ?? 1,
          displayMode: props.display_mode ?? "solid",
        }, `${label}: ${name}`);
        scene.current = shown;
        await shown.load(url, ext);
        if (current) setState({ stage: "shown" });
      } catch (err) {
        if (current) setState({ stage: "error", message: (err as Error).message || String(err) });
      }
    })();
    return () => {
      current = false;
      shown?.dispose();
      if (scene.current === shown) scene.current = null;
    };
    // `settings` stands for the props the scene is made from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, ext, settings]);

  async function take(files: readonly File[]) {
    const file = files[0];
    if (!file) return;
    if (!modelExtension(file.name)) {
      setUploadError(`That is not a 3D model (${MODEL_EXTENSIONS.join(", ")}).`);
      return;
    }
    setUploadError(null);
    setBusy(true);
    try {
      const [data] = await upload([file]);
      if (!data) return;
      onChange(data, { userInput: true });
      dispatch("upload", data);
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const { dragging, dropProps } = useFileDrop((files) => void take(files), interactive);

  function clear() {
    setUploadError(null);
    setState({ stage: "idle" });
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  const height = cssLength(props.height);

  return (
    <div className="vt-field vt-model3d">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {url ? (
        <div className="vt-model3d-frame" style={height ? { height } : undefined} data-stage={state.stage}>
          <div className="vt-model3d-tools">
            {state.stage === "shown" ? (
              <button type="button" className="vt-model3d-tool" aria-label="Reset camera" title="Reset camera" onClick={() => scene.current?.resetCamera()}>⟲</button>
            ) : null}
            <a className="vt-model3d-tool" href={url} download={name} aria-label="Download" title="Download">⤓</a>
            {interactive ? (
              <button type="button" className="vt-model3d-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button>
            ) : null}
          </div>
          <div className="vt-model3d-canvas" ref={holder} />
          {state.stage === "loading" ? <div className="vt-model3d-message" role="status">Loading the model…</div> : null}
          {state.stage === "error" ? <div className="vt-model3d-message" role="alert">{state.message}</div> : null}
        </div>
      ) : interactive ? (
        <div
          className="vt-model3d-drop"
          role="button"
          tabIndex={0}
          aria-label={`${label}: upload a 3D model`}
          data-dragging={dragging}
          style={height ? { minHeight: height } : undefined}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), input.current?.click())}
          {...dropProps}
        >
          {busy ? <span>Uploading…</span> : (
            <>
              <strong>Drop a 3D model here</strong>
              <span>— or click to upload ({MODEL_EXTENSIONS.join(", ")}) —</span>
            </>
          )}
          <input ref={input} type="file" accept={ACCEPT} hidden aria-hidden="true" tabIndex={-1}
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void take(files); }} />
        </div>
      ) : (
        <div className="vt-model3d-frame" style={height ? { height } : undefined} aria-label={`${label}: empty`} />
      )}
      {uploadError ? <span className="vt-model3d-error" role="alert">{uploadError}</span> : null}
    </div>
  );
}
