// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks, fileData } from "@vitrine/core";
import { Model3D } from "./index.js";

Blocks(() => {
  const input = Model3D({ label: "Upload" });
  const output = Model3D({ clear_color: [0, 0, 0, 1], camera_position: [45, null, 3], display_mode: "point_cloud" });
  // An input gives the uploaded file's path (or null); an output takes a path, a URL or a FileData.
  input.upload({ fn: (path: string | null) => path, inputs: [input], outputs: [output] });
  input.change({ fn: () => fileData("/tmp/a.glb"), inputs: [], outputs: [output] });
  input.clear({ fn: () => null, inputs: [], outputs: [output] });
  input.edit({ fn: () => "https://example.com/a.gltf", inputs: [], outputs: [output] });
  // @ts-expect-error a Model3D input is a path, not a FileData
  input.upload({ fn: (file: { path: string; meta: object }) => file.path, inputs: [input], outputs: [output] });
  // @ts-expect-error a number is not a model
  input.upload({ fn: () => 3, inputs: [], outputs: [output] });
  // @ts-expect-error display_mode is solid, point_cloud or wireframe
  Model3D({ display_mode: "shaded" });
});
