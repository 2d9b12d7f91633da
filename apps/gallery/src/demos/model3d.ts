import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vt from "vitrine";

/** A cube as an OBJ file (8 vertices, 6 faces), written to a temp folder: its path. */
export function cubeObj(size = 1): string {
  const h = size / 2;
  const v = [[-h, -h, -h], [h, -h, -h], [h, h, -h], [-h, h, -h], [-h, -h, h], [h, -h, h], [h, h, h], [-h, h, h]];
  const faces = [[5, 6, 7, 8], [2, 1, 4, 3], [1, 5, 8, 4], [6, 2, 3, 7], [8, 7, 3, 4], [1, 2, 6, 5]];
  const text = ["# A cube", "o cube", ...v.map((p) => `v ${p.join(" ")}`), ...faces.map((f) => `f ${f.join(" ")}`)].join("\n") + "\n";
  const path = join(mkdtempSync(join(tmpdir(), "vitrine-cube-")), "cube.obj");
  writeFileSync(path, text);
  return path;
}

/**
 * Model3D: a generated cube viewed in three.js (drag to turn it, wheel to zoom, right drag to
 * pan), and an upload area whose model is shown back beside it, in the display mode you pick.
 */
export function model3d() {
  const cube = cubeObj();
  return vt.Blocks({ title: "Model3D" }, (demo) => {
    vt.Markdown("# Model3D\nA cube drawn by three.js; upload an .obj, .glb, .gltf, .stl or .ply file to see it beside it.");
    const shown = vt.Model3D({ label: "Cube", clear_color: [0.93, 0.95, 0.98, 1], camera_position: [-60, 60, null], height: 300 });
    vt.Row(() => {
      const upload = vt.Model3D({ label: "Upload a model", interactive: true, height: 300 });
      const back = vt.Model3D({ label: "Your model", height: 300 });
      const mode = vt.Radio({ choices: ["solid", "wireframe", "point_cloud"], value: "solid", label: "display mode" });
      upload.upload({ fn: (path: string | null) => path, inputs: [upload], outputs: [back], api_name: "show" });
      upload.clear({ fn: () => null, outputs: [back], api_name: false });
      mode.change({ fn: (m: string) => vt.update({ display_mode: m }), inputs: [mode], outputs: [back], api_name: false });
    });
    demo.load({ fn: () => cube, outputs: [shown], api_name: false });
  });
}
