import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Model3D } from "./index.js";

// The API's example input is the package's own cube, by absolute path: the snapshot keeps it from the package's folder.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packageDir),
  serialize: (value: string) => JSON.stringify(`<package>/${value.slice(packageDir.length)}`),
});

const dir = mkdtempSync(join(tmpdir(), "vitrine-model3d-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `name` in the temp folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Models a function returns by path, each in another format: an OBJ pyramid, an ASCII STL
// tetrahedron, and a glTF triangle with its buffer embedded. Each comes back as the same bytes.
const pyramid = file("pyramid.obj", [
  "o pyramid",
  "v -0.5 0 -0.5", "v 0.5 0 -0.5", "v 0.5 0 0.5", "v -0.5 0 0.5", "v 0 0.8 0",
  "f 1 2 3 4", "f 1 5 2", "f 2 5 3", "f 3 5 4", "f 4 5 1",
  "",
].join("\n"));
const tetrahedron = file("tetrahedron.stl", (() => {
  const v = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]];
  const faces = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]];
  const facets = faces.map((f) => `  facet normal 0 0 0\n    outer loop\n${f.map((i) => `      vertex ${v[i]!.join(" ")}\n`).join("")}    endloop\n  endfacet\n`);
  return `solid tetrahedron\n${facets.join("")}endsolid tetrahedron\n`;
})());
const triangle = file("triangle.gltf", (() => {
  const positions = Buffer.from(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]).buffer);
  return JSON.stringify({
    asset: { version: "2.0" },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    buffers: [{ byteLength: positions.length, uri: `data:application/octet-stream;base64,${positions.toString("base64")}` }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: positions.length, target: 34962 }],
    accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: "VEC3", min: [0, 0, 0], max: [1, 1, 0] }],
  });
})());

/** Clears the main Model3D if it holds a model, and uploads `path` through its upload area's file input. */
async function uploadModel({ block }: TriggerContext, path: string): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  await clickIfShown(clear);
  await block.getByRole("button", { name: /upload a 3D model/ }).waitFor();
  await block.locator('input[type="file"]').setInputFiles(path);
}

describeComponent({
  create: Model3D,
  samples: [pyramid, tetrahedron, triangle],
  roundTrip(back, sample) {
    // The function receives the model's path in the cache: the same file, under its own name.
    const path = back as string;
    expect(basename(path)).toMatch(new RegExp(`${basename(sample as string).replace(".", "\\.")}$`));
    expect(readFileSync(path, "utf8")).toBe(readFileSync(sample as string, "utf8"));
  },
  // With a model, its Clear button; empty, its upload area. Neither is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|upload a 3D model/ }),
  // Headless chromium has no GPU here: WebGL comes from SwiftShader, as in browser-model3d.test.ts.
  browser: { args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"] },
  events: {
    change: ({ sendValue }) => sendValue(),
    upload: (context) => uploadModel(context, tetrahedron),
    edit: "declared as Gradio declares it, but the viewer has no editing tool (as Gradio's has none), so no page fires it; the README's Events section says so, and process.test.ts checks its listener exists",
    clear: async (context) => {
      if (!(await context.block.getByRole("button", { name: "Clear" }).isVisible())) await context.sendValue();
      await context.block.getByRole("button", { name: "Clear" }).click();
    },
  },
});
