/**
 * Model3D in a real browser (the gallery's `model3d` demo): three.js draws a generated OBJ cube
 * (the canvas holds pixels other than the background), and an uploaded glTF cube is shown back.
 * Headless chromium runs without a GPU here, so WebGL comes from SwiftShader (see MODEL3D_ARGS).
 */
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { model3d } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { pollUntil, useBrowserSuite } from "./browser.js";

/** Chromium's software WebGL (SwiftShader), since this machine has no GPU. */
const MODEL3D_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"];

/** A glTF cube with its buffer embedded (a data URI): 24 vertices with normals, 36 indices. */
function gltfCube(): string {
  const faces: [number[], number[][]][] = [
    [[1, 0, 0], [[1, -1, -1], [1, 1, -1], [1, 1, 1], [1, -1, 1]]],
    [[-1, 0, 0], [[-1, -1, 1], [-1, 1, 1], [-1, 1, -1], [-1, -1, -1]]],
    [[0, 1, 0], [[-1, 1, -1], [-1, 1, 1], [1, 1, 1], [1, 1, -1]]],
    [[0, -1, 0], [[-1, -1, 1], [-1, -1, -1], [1, -1, -1], [1, -1, 1]]],
    [[0, 0, 1], [[-1, -1, 1], [1, -1, 1], [1, 1, 1], [-1, 1, 1]]],
    [[0, 0, -1], [[1, -1, -1], [-1, -1, -1], [-1, 1, -1], [1, 1, -1]]],
  ];
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  faces.forEach(([n, quad], f) => {
    for (const p of quad) { positions.push(...p.map((v) => v * 0.5)); normals.push(...n); }
    indices.push(f * 4, f * 4 + 1, f * 4 + 2, f * 4, f * 4 + 2, f * 4 + 3);
  });
  const pos = Buffer.from(new Float32Array(positions).buffer);
  const nor = Buffer.from(new Float32Array(normals).buffer);
  const idx = Buffer.from(new Uint16Array(indices).buffer);
  const buffer = Buffer.concat([pos, nor, idx]);
  return JSON.stringify({
    asset: { version: "2.0" },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: [0.1, 0.6, 0.9, 1], metallicFactor: 0, roughnessFactor: 0.8 } }],
    buffers: [{ byteLength: buffer.length, uri: `data:application/octet-stream;base64,${buffer.toString("base64")}` }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: pos.length, target: 34962 },
      { buffer: 0, byteOffset: pos.length, byteLength: nor.length, target: 34962 },
      { buffer: 0, byteOffset: pos.length + nor.length, byteLength: idx.length, target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 24, type: "VEC3", min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] },
      { bufferView: 1, componentType: 5126, count: 24, type: "VEC3" },
      { bufferView: 2, componentType: 5123, count: 36, type: "SCALAR" },
    ],
  });
}

/** An ASCII STL tetrahedron. */
function stlTetrahedron(): string {
  const v = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]];
  const faces = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]];
  const facet = (f: number[]) => `facet normal 0 0 0\n outer loop\n${f.map((i) => `  vertex ${v[i]!.join(" ")}`).join("\n")}\n endloop\nendfacet`;
  return `solid tetra\n${faces.map(facet).join("\n")}\nendsolid tetra\n`;
}

/** An ASCII PLY square (two triangles) with red vertices. */
function plySquare(): string {
  return ["ply", "format ascii 1.0", "element vertex 4", "property float x", "property float y", "property float z",
    "property uchar red", "property uchar green", "property uchar blue", "element face 2", "property list uchar int vertex_indices", "end_header",
    "-1 -1 0 255 0 0", "1 -1 0 255 0 0", "1 1 0 255 0 0", "-1 1 0 255 0 0", "3 0 1 2", "3 0 2 3", ""].join("\n");
}

/** A `.splat` file: `count` Gaussian splats (32-byte rows) on a grid in a unit square, opaque green. */
function splatGrid(side = 40): Buffer {
  const out = Buffer.alloc(side * side * 32);
  for (let i = 0; i < side * side; i++) {
    const o = i * 32;
    out.writeFloatLE((i % side) / side - 0.5, o);
    out.writeFloatLE(Math.floor(i / side) / side - 0.5, o + 4);
    out.writeFloatLE(0, o + 8);
    for (const k of [12, 16, 20]) out.writeFloatLE(0.01, o + k);
    out.set([30, 200, 60, 255, 255, 128, 128, 128], o + 24);
  }
  return out;
}

/**
 * The share of the canvas's pixels that are not the background `[r, g, b, a]` (0..255; a null
 * colour counts every pixel with some opacity), read through a 2-D canvas.
 */
function drawnShare(canvas: Locator, background: [number, number, number, number] | null): Promise<number> {
  return canvas.evaluate((el, bg) => {
    const source = el as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext("2d")!;
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      const differs = bg === null ? data[i + 3]! > 0 : Math.abs(data[i]! - bg[0]) + Math.abs(data[i + 1]! - bg[1]) + Math.abs(data[i + 2]! - bg[2]) > 24;
      if (differs) drawn++;
    }
    return drawn / (data.length / 4);
  }, background);
}

/** The frame of the Model3D labelled `label`, once its model is shown (or the error it shows). */
async function shownFrame(page: Page, label: string): Promise<Locator> {
  const block = page.locator(".vt-type-model3d").filter({ has: page.locator(".vt-label", { hasText: label }) });
  const frame = block.locator(".vt-model3d-frame");
  await frame.locator("canvas, [role='alert']").first().waitFor({ timeout: 20_000 });
  await page.waitForFunction((el) => el?.getAttribute("data-stage") !== "loading", await frame.elementHandle(), { timeout: 20_000 });
  const alert = frame.locator("[role='alert']");
  if (await alert.count()) throw new Error(`The ${label} viewer shows: ${await alert.textContent()}`);
  await expect(frame.getAttribute("data-stage")).resolves.toBe("shown");
  return frame;
}

/** An Interface made with the "model3d" shortcut, in and out: a page with no model to show until an upload. */
function emptyViewer() {
  return new vt.Interface({ fn: (model: string | null) => model, inputs: "model3d", outputs: "model3d" });
}

/** Uploads a file through the Model3D labelled `label`'s upload area. */
async function uploadModel(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: `${label}: upload a 3D model` }).click();
  await (await chooser).setFiles(file);
}

describe("Model3D in the browser", () => {
  const suite = useBrowserSuite(
    { model3d: { create: model3d, description: "Model3D" }, empty: { create: emptyViewer, description: "an empty Model3D" } },
    { args: MODEL3D_ARGS },
  );

  it("draws the generated OBJ cube: the canvas holds pixels other than the background; reset camera redraws it", async () => {
    const page = await suite.open("model3d");
    const frame = await shownFrame(page, "Cube");
    const canvas = frame.getByRole("img", { name: "Cube: cube.obj" });
    const background: [number, number, number, number] = [237, 242, 250, 255]; // clear_color [0.93, 0.95, 0.98, 1]
    const share = await drawnShare(canvas, background);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.9);
    // Orbit away with the mouse, then reset: the same picture comes back.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await frame.getByRole("button", { name: "Reset camera" }).click();
    expect(Math.abs((await drawnShare(canvas, background)) - share)).toBeLessThan(0.005);
    await expect(frame.getByRole("link", { name: "Download" }).getAttribute("download")).resolves.toBe("cube.obj");
  });

  it("an uploaded glTF cube is shown back by the function's output", async () => {
    const page = await suite.open("model3d");
    await shownFrame(page, "Cube");
    await uploadModel(page, "Upload a model", { name: "cube.gltf", mimeType: "model/gltf+json", buffer: Buffer.from(gltfCube()) });
    const uploaded = await shownFrame(page, "Upload a model");
    expect(await drawnShare(uploaded.getByRole("img", { name: "Upload a model: cube.gltf" }), null)).toBeGreaterThan(0.03);
    const back = await shownFrame(page, "Your model");
    const solid = await drawnShare(back.getByRole("img", { name: /^Your model: / }), null);
    expect(solid).toBeGreaterThan(0.03);
    // Wireframe (set through an update of display_mode) draws only the edges: fewer pixels, but some.
    await page.getByRole("radio", { name: "wireframe" }).check();
    await page.waitForFunction(() => document.querySelectorAll(".vt-model3d-frame[data-stage='shown'] canvas").length === 3);
    await pollUntil(async () => drawnShare((await shownFrame(page, "Your model")).getByRole("img", { name: /^Your model: / }), null), (v) => v < solid * 0.7);
    const wire = await drawnShare((await shownFrame(page, "Your model")).getByRole("img", { name: /^Your model: / }), null);
    expect(wire).toBeGreaterThan(0.001);
    expect(wire).toBeLessThan(solid * 0.7);
  });

  it.each([
    ["tetra.stl", "model/stl", () => Buffer.from(stlTetrahedron())],
    ["square.ply", "application/ply", () => Buffer.from(plySquare())],
    ["grid.splat", "application/octet-stream", () => splatGrid()],
  ])("shows an uploaded %s", async (name, mimeType, bytes) => {
    const page = await suite.open("model3d");
    await uploadModel(page, "Upload a model", { name, mimeType, buffer: bytes() });
    const frame = await shownFrame(page, "Upload a model");
    expect(await drawnShare(frame.getByRole("img", { name: `Upload a model: ${name}` }), null)).toBeGreaterThan(0.005);
  });

  it("a page with empty Model3Ds (the \"model3d\" shortcut) does not load three.js; the first model loads it", async () => {
    const { page } = suite;
    const chunks: string[] = [];
    page.on("request", (r) => {
      if (/\/components\/model3d\//.test(r.url())) chunks.push(r.url());
    });
    await suite.open("empty");
    await expect(page.locator(".vt-type-model3d").count()).resolves.toBe(2);
    await page.getByRole("button", { name: "model: upload a 3D model" }).waitFor();
    await page.waitForTimeout(300);
    expect(chunks).toEqual([]);
    await uploadModel(page, "model", { name: "cube.gltf", mimeType: "model/gltf+json", buffer: Buffer.from(gltfCube()) });
    await shownFrame(page, "model");
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((u) => /\/components\/model3d\/scene-[\w-]+\.js/.test(u))).toBe(true);
  });
});
