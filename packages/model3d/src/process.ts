import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  needFiles,
  storelessFile,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { MODEL_EXTENSIONS, MODEL_MIME, modelExtension } from "./formats.js";
import { model3dEvents, type Model3DEvent, type Model3DEventData } from "./events.js";

/** How the model is drawn: as solid surfaces, as the points of its vertices, or as its edges. */
export type DisplayMode = "solid" | "point_cloud" | "wireframe";

/** Where the camera starts: `[alpha, beta, radius]`, angles in degrees (null: the default). */
export type CameraPosition = readonly [number | null, number | null, number | null];

/** Props of a Model3D. */
export interface Model3DProps extends ComponentProps<string | FileData> {
  /** How the model is drawn: "solid" (default), "point_cloud" or "wireframe". Gaussian splats are always points. */
  display_mode?: DisplayMode | null;
  /** Background colour of the scene: `[r, g, b, a]`, each 0..1. Default transparent. */
  clear_color?: readonly [number, number, number, number] | null;
  /**
   * Where the camera starts: `[alpha, beta, radius]`. `alpha` turns around the vertical axis and
   * `beta` down from the top, in degrees; `radius` is the distance from the model's centre. Null
   * entries take the defaults (a front view at a distance that fits the model).
   */
  camera_position?: CameraPosition;
  /** Speed of zooming with the wheel or a pinch. Default 1. */
  zoom_speed?: number;
  /** Speed of panning (right drag, or two fingers). Default 1. */
  pan_speed?: number;
  /** Height of the viewer: pixels, or a CSS length. */
  height?: number | string | null;
}

/** The cube shipped with the package (an OBJ), used as the API page's example input. */
export const EXAMPLE_MODEL_PATH = fileURLToPath(new URL("../assets/cube.obj", import.meta.url));

const DISPLAY_MODES: readonly DisplayMode[] = ["solid", "point_cloud", "wireframe"];
const FORMATS_TEXT = MODEL_EXTENSIONS.join(", ");

function nameOf(file: FileData): string {
  return file.orig_name ?? basename(file.url && /^https?:/i.test(file.path) ? new URL(file.path).pathname : file.path);
}

/**
 * A 3D model viewer (Gradio's `gr.Model3D`) for .obj, .glb, .gltf, .stl and .ply files (and
 * Gaussian splats, .splat, shown as coloured points), drawn with three.js in the browser. As an
 * input the function receives the uploaded file's path; as an output it returns a path, a URL
 * or a FileData.
 */
export class Model3DComponent extends Component<string | null, string | FileData | null, FileData | null> {
  static override readonly events = model3dEvents;
  readonly type = "model3d";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: Model3DProps;

  constructor(props: Model3DProps = {}) {
    if (props.display_mode != null && !DISPLAY_MODES.includes(props.display_mode))
      throw new TypeError(`Model3D: display_mode must be "solid", "point_cloud" or "wireframe", got ${JSON.stringify(props.display_mode)}`);
    const c = props.clear_color;
    if (c != null && (!Array.isArray(c) || c.length !== 4 || !c.every((v) => typeof v === "number" && v >= 0 && v <= 1)))
      throw new TypeError(`Model3D: clear_color must be [r, g, b, a] with each value between 0 and 1, got ${JSON.stringify(c)}`);
    const p = props.camera_position;
    if (p !== undefined && (!Array.isArray(p) || p.length !== 3 || !p.every((v) => v === null || Number.isFinite(v))))
      throw new TypeError(`Model3D: camera_position must be [alpha, beta, radius] (numbers or null), got ${JSON.stringify(p)}`);
    if (p?.[2] != null && p[2] <= 0) throw new TypeError(`Model3D: the camera's radius must be positive, got ${p[2]}`);
    for (const key of ["zoom_speed", "pan_speed"] as const) {
      const v = props[key];
      if (v !== undefined && !(typeof v === "number" && v > 0)) throw new TypeError(`Model3D: ${key} must be a positive number, got ${JSON.stringify(v)}`);
    }
    super(props);
  }

  override async preprocess(payload: FileData | null | undefined, ctx?: ProcessContext): Promise<string | null> {
    if (payload === null || payload === undefined) return null;
    if (!isFileData(payload)) throw new TypeError('Model3D expects a FileData object ({ path, meta: { _type: "gradio.FileData" } })');
    const name = nameOf(payload);
    if (!modelExtension(name)) throw new VitrineError(`Model3D: "${name}" is not a 3D model this app shows (${FORMATS_TEXT})`);
    return needFiles("Model3D", ctx).resolve(payload);
  }

  override async postprocess(value: string | FileData | null | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    if (value === null || value === undefined) return null;
    if (isFileData(value)) return value;
    if (typeof value !== "string") throw new TypeError("Model3D: return a path, a URL or a FileData of a 3D model (or null)");
    const remote = /^https?:\/\//i.test(value);
    const name = remote ? basename(new URL(value).pathname) : basename(value);
    const ext = modelExtension(name);
    if (!ext) throw new TypeError(`Model3D: "${name}" is not a 3D model (${FORMATS_TEXT})`);
    if (remote) return fileData(value, { url: value, orig_name: name, mime_type: MODEL_MIME[ext] });
    return needFiles("Model3D", ctx).adopt(value, { name, mime_type: MODEL_MIME[ext] });
  }

  /** The initial value: a FileData or URL as given; a path needs the file store, so it waits for an event. */
  override initialPayload(): unknown {
    return storelessFile(this.props.value);
  }

  override processExample(example: unknown): unknown {
    return storelessFile(example) ?? null;
  }

  /** An example given as a path (or bytes) is copied into the cache when the server starts, and shown from there. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return storelessFile(example) ?? (await this.postprocess(example as never, context));
  }

  api(): ApiDescription {
    return { type: FILE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } };
  }

  override exampleInput(): FileData {
    return fileData(EXAMPLE_MODEL_PATH, { orig_name: "cube.obj", mime_type: MODEL_MIME[".obj"] });
  }

  protected override ownProps(): Record<string, unknown> {
    const { display_mode = null, clear_color = null, camera_position = [null, null, null], zoom_speed = 1, pan_speed = 1, height = null } = this.props;
    return { display_mode, clear_color, camera_position, zoom_speed, pan_speed, height };
  }
}
export interface Model3DComponent extends Listeners<Model3DEvent, Model3DEventData> {}

/**
 * A 3D model viewer: `.obj`, `.glb`, `.gltf`, `.stl`, `.ply` (and `.splat` as points). As an input
 * the function gets the uploaded file's path; as an output it returns a path or URL.
 * @example vt.Model3D({ label: "Model", clear_color: [0, 0, 0, 1], display_mode: "wireframe" })
 */
export function Model3D(props: Model3DProps = {}): Model3DComponent {
  return new Model3DComponent(props);
}
export type Model3D = Model3DComponent;
