/**
 * The three.js scene of the Model3D view: a renderer on the view's canvas, a camera under orbit
 * controls, lights that follow the camera, and the model loaded from its URL. This module (and
 * three.js with it) is loaded only when a Model3D has a model to show: the view `import()`s it,
 * and the build splits it off (tools/build-ui.mjs `--lazy model3d`).
 */
import {
  AmbientLight,
  Box3,
  BufferGeometry,
  Color,
  DirectionalLight,
  Group,
  Material,
  Mesh,
  MeshStandardMaterial,
  Object3D,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  SRGBColorSpace,
  Scene,
  Sphere,
  Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { SPLATLoader } from "three/examples/jsm/loaders/SPLATLoader.js";
import { GaussianSplatPLYLoader } from "three/examples/jsm/loaders/GaussianSplatPLYLoader.js";
import type { ModelExtension } from "./formats.js";

/** How the model is drawn. */
export type DisplayMode = "solid" | "point_cloud" | "wireframe";

/** The view's settings, from the component's props. */
export interface SceneOptions {
  /** `[r, g, b, a]`, each 0..1. */
  clearColor: readonly [number, number, number, number];
  /** `[alpha, beta, radius]`: degrees, degrees, distance (null: default). */
  cameraPosition: readonly [number | null, number | null, number | null];
  zoomSpeed: number;
  panSpeed: number;
  displayMode: DisplayMode;
}

/** Thrown when the browser gives no WebGL 2 context (no GPU, WebGL disabled). */
export class WebGLUnavailableError extends Error {
  constructor() {
    super("WebGL is not available in this browser, so the 3D model cannot be shown.");
    this.name = "WebGLUnavailableError";
  }
}

/** Whether this browser can create a WebGL 2 context (three.js needs one). */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2");
    if (!gl) return false;
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** Gradio's default camera: in front of the model (alpha -90°, beta 90°, as Babylon's default camera). */
const DEFAULT_ALPHA = -90;
const DEFAULT_BETA = 90;
const FOV = 45;
const DEG = Math.PI / 180;

/**
 * A model on a canvas of its own (put in `container`; a canvas whose WebGL context was released
 * cannot give another), with orbit controls. Call {@link dispose} when done.
 */
export class ModelScene {
  /** The canvas the model is drawn on. */
  readonly canvas: HTMLCanvasElement;
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(FOV, 1, 0.01, 1000);
  private readonly controls: OrbitControls;
  private readonly light = new DirectionalLight(0xffffff, 2.2);
  private readonly resize: ResizeObserver | null;
  private model: Object3D | null = null;
  private home = { position: new Vector3(0, 0, 3), target: new Vector3() };
  private disposed = false;

  constructor(container: HTMLElement, private readonly options: SceneOptions, label: string) {
    if (!webglAvailable()) throw new WebGLUnavailableError();
    const canvas = (this.canvas = document.createElement("canvas"));
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", label);
    container.append(canvas);
    try {
      // preserveDrawingBuffer: the canvas keeps its pixels between frames (a screenshot, a test reading them).
      this.renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, preserveDrawingBuffer: true });
    } catch {
      canvas.remove();
      throw new WebGLUnavailableError();
    }
    this.renderer.setPixelRatio(Math.min(2, globalThis.devicePixelRatio || 1));
    const [r, g, b, a] = options.clearColor;
    this.renderer.setClearColor(new Color().setRGB(r, g, b, SRGBColorSpace), a);
    this.scene.add(new AmbientLight(0xffffff, 1.1), this.light, this.light.target);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.zoomSpeed = options.zoomSpeed;
    this.controls.panSpeed = options.panSpeed;
    this.controls.addEventListener("change", () => this.render());
    this.resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => this.fit());
    this.resize?.observe(canvas);
    this.fit();
  }

  /** Loads the model at `url` (its format from `ext`), replacing any shown, and frames it. */
  async load(url: string, ext: ModelExtension): Promise<void> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not load the model (HTTP ${res.status}).`);
    const buffer = await res.arrayBuffer();
    if (this.disposed) return;
    const object = await parseModel(buffer, ext, new URL(".", new URL(url, location.href)).href);
    if (this.disposed) return disposeObject(object);
    const shown = applyDisplayMode(object, ext === ".splat" || isSplat(object) ? "splat" : this.options.displayMode);
    if (this.model) {
      this.scene.remove(this.model);
      disposeObject(this.model);
    }
    this.model = shown;
    this.scene.add(shown);
    this.frame();
  }

  /** Puts the camera back where it started. */
  resetCamera(): void {
    this.camera.position.copy(this.home.position);
    this.controls.target.copy(this.home.target);
    this.controls.update();
    this.render();
  }

  /** Frees the GPU resources and stops listening. */
  dispose(): void {
    this.disposed = true;
    this.resize?.disconnect();
    this.controls.dispose();
    if (this.model) disposeObject(this.model);
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    this.canvas.remove();
  }

  /** Places the camera from `cameraPosition` around the model's bounding sphere. */
  private frame(): void {
    const box = new Box3().setFromObject(this.model!);
    if (box.isEmpty()) throw new Error("The model has no geometry to show.");
    const sphere = box.getBoundingSphere(new Sphere());
    const size = Math.max(sphere.radius, 1e-6);
    const [alphaDeg, betaDeg, radiusGiven] = this.options.cameraPosition;
    const alpha = (alphaDeg ?? DEFAULT_ALPHA) * DEG;
    const beta = Math.min(Math.PI - 1e-3, Math.max(1e-3, (betaDeg ?? DEFAULT_BETA) * DEG));
    const radius = radiusGiven ?? (size / Math.sin((FOV * DEG) / 2)) * 1.15;
    // Babylon's arc-rotate angles (left-handed) in three.js's right-handed space: z flips.
    const offset = new Vector3(Math.cos(alpha) * Math.sin(beta), Math.cos(beta), -Math.sin(alpha) * Math.sin(beta)).multiplyScalar(radius);
    this.home = { position: sphere.center.clone().add(offset), target: sphere.center.clone() };
    this.camera.near = Math.max(radius / 1000, size / 1000);
    this.camera.far = (radius + size) * 20;
    this.camera.updateProjectionMatrix();
    this.resetCamera();
  }

  /** Matches the drawing buffer to the canvas's size on the page. */
  private fit(): void {
    const width = this.canvas.clientWidth || 300;
    const height = this.canvas.clientHeight || 150;
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    // The light shines from the camera, a little above it.
    this.light.position.copy(this.camera.position).add(new Vector3(0, this.camera.position.distanceTo(this.controls.target) * 0.3, 0));
    this.light.target.position.copy(this.controls.target);
    this.renderer.render(this.scene, this.camera);
  }
}

/** Parses a model file into a scene object. */
async function parseModel(buffer: ArrayBuffer, ext: ModelExtension, base: string): Promise<Object3D> {
  switch (ext) {
    case ".obj":
      return new OBJLoader().parse(new TextDecoder().decode(buffer));
    case ".gltf":
    case ".glb":
      return (await new GLTFLoader().parseAsync(buffer, base)).scene;
    case ".stl": {
      const geometry = new STLLoader().parse(buffer) as BufferGeometry & { hasColors?: boolean };
      if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
      return new Mesh(geometry, new MeshStandardMaterial({ color: geometry.hasColors ? 0xffffff : 0xb0b8c4, vertexColors: !!geometry.hasColors, metalness: 0.1, roughness: 0.7 }));
    }
    case ".ply": {
      const header = new TextDecoder().decode(buffer.slice(0, Math.min(buffer.byteLength, 4096)));
      if (/property\s+\w+\s+f_dc_0/.test(header)) return splatPoints(new GaussianSplatPLYLoader().parse(buffer));
      const geometry = new PLYLoader().parse(buffer);
      const colors = !!geometry.getAttribute("color");
      if (geometry.index === null) return new Points(geometry, new PointsMaterial({ size: 2, sizeAttenuation: false, vertexColors: colors, color: colors ? 0xffffff : 0xb0b8c4 }));
      if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
      return new Mesh(geometry, new MeshStandardMaterial({ color: colors ? 0xffffff : 0xb0b8c4, vertexColors: colors }));
    }
    case ".splat":
      return splatPoints(new SPLATLoader().parse(buffer));
  }
}

/**
 * Gaussian splats drawn as coloured points at their centres: three.js draws real splats only
 * with its WebGPU renderer, which this view does not load.
 */
function splatPoints(geometry: BufferGeometry): Points {
  const points = new Points(geometry, new PointsMaterial({ size: 2, sizeAttenuation: false, vertexColors: true, transparent: true }));
  points.userData.vtSplat = true;
  return points;
}

function isSplat(object: Object3D): boolean {
  return object.userData.vtSplat === true;
}

function materials(object: Object3D): Material[] {
  const m = (object as Mesh).material;
  return m === undefined ? [] : Array.isArray(m) ? m : [m];
}

/** The model as `mode` draws it: wireframe materials, or points at its vertices. */
function applyDisplayMode(object: Object3D, mode: DisplayMode | "splat"): Object3D {
  if (mode === "solid" || mode === "splat") return object;
  if (mode === "wireframe") {
    object.traverse((o) => {
      for (const m of materials(o)) if ("wireframe" in m) (m as Material & { wireframe: boolean }).wireframe = true;
    });
    return object;
  }
  const cloud = new Group();
  object.updateMatrixWorld(true);
  object.traverse((o) => {
    if (!(o as Mesh).isMesh) return;
    const mesh = o as Mesh;
    const first = materials(mesh)[0] as (Material & { color?: Color }) | undefined;
    const colors = !!mesh.geometry.getAttribute("color");
    const points = new Points(mesh.geometry, new PointsMaterial({ size: 3, sizeAttenuation: false, vertexColors: colors, color: first?.color?.clone() ?? new Color(0xb0b8c4) }));
    points.applyMatrix4(mesh.matrixWorld);
    cloud.add(points);
  });
  return cloud;
}

/** Frees an object's geometries and materials. */
function disposeObject(object: Object3D): void {
  object.traverse((o) => {
    (o as Mesh).geometry?.dispose();
    for (const m of materials(o)) m.dispose();
  });
}
