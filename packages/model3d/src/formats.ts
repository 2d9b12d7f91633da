/** The 3D file formats Model3D shows, by extension (shared by the server and the view). */

/** Extensions (lower case, with the dot) of the files Model3D shows. */
export const MODEL_EXTENSIONS = [".obj", ".glb", ".gltf", ".stl", ".ply", ".splat"] as const;
/** One of `MODEL_EXTENSIONS`: a file extension Model3D can show. */
export type ModelExtension = (typeof MODEL_EXTENSIONS)[number];

/** MIME types of the formats. */
export const MODEL_MIME: Record<ModelExtension, string> = {
  ".obj": "model/obj",
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".stl": "model/stl",
  ".ply": "application/ply",
  ".splat": "application/octet-stream",
};

/** The model extension of a file name or path (`cube.OBJ` → `.obj`), or null when it is not one. */
export function modelExtension(name: string): ModelExtension | null {
  const match = /\.[a-z0-9]+$/i.exec(name.split(/[?#]/)[0]!);
  const ext = match?.[0].toLowerCase();
  return (MODEL_EXTENSIONS as readonly string[]).includes(ext ?? "") ? (ext as ModelExtension) : null;
}
