import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Blocks, fileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { EXAMPLE_MODEL_PATH, Model3D, modelExtension } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

describe("Model3D", () => {
  it("returns a model path as a FileData of the cache, with the model's MIME type, and the same bytes", async () => {
    const out = (await Model3D().postprocess(EXAMPLE_MODEL_PATH, ctx))!;
    expect(out).toMatchObject({ orig_name: "cube.obj", mime_type: "model/obj" });
    expect(out.path.startsWith(store.dir)).toBe(true);
    expect(Buffer.from(await readFile(out.path)).equals(await readFile(EXAMPLE_MODEL_PATH))).toBe(true);
    const url = (await Model3D().postprocess("https://example.com/models/duck.glb", ctx))!;
    expect(url).toMatchObject({ path: "https://example.com/models/duck.glb", url: "https://example.com/models/duck.glb", mime_type: "model/gltf-binary" });
    const fd = fileData("/somewhere/x.stl");
    expect(await Model3D().postprocess(fd, ctx)).toBe(fd);
    expect(await Model3D().postprocess(null, ctx)).toBeNull();
  });

  it("gives the function the uploaded file's path", async () => {
    const saved = await ctx.files.save(new TextEncoder().encode("v 0 0 0\n"), { name: "point.obj" });
    expect(await Model3D().preprocess(saved, ctx)).toBe(saved.path);
    expect(await Model3D().preprocess(null, ctx)).toBeNull();
  });

  it("refuses files that are not models, and bad props, with clear messages", async () => {
    const txt = join(store.dir, "notes.txt");
    await writeFile(txt, "hello");
    await expect(Model3D().postprocess(txt, ctx)).rejects.toThrow(/"notes.txt" is not a 3D model \(.obj, .glb, .gltf, .stl, .ply, .splat\)/);
    await expect(Model3D().postprocess(42 as never, ctx)).rejects.toThrow(/return a path, a URL or a FileData/);
    const saved = await ctx.files.save(new Uint8Array([1]), { name: "photo.png" });
    await expect(Model3D().preprocess(saved, ctx)).rejects.toThrow(/"photo.png" is not a 3D model this app shows/);
    await expect(Model3D().preprocess({ path: 1 } as never, ctx)).rejects.toThrow(/expects a FileData/);
    expect(() => Model3D({ display_mode: "shaded" as never })).toThrow(/display_mode must be "solid", "point_cloud" or "wireframe"/);
    expect(() => Model3D({ clear_color: [1, 0, 0] as never })).toThrow(/clear_color must be \[r, g, b, a\]/);
    expect(() => Model3D({ clear_color: [0, 0, 255, 1] })).toThrow(/between 0 and 1/);
    expect(() => Model3D({ camera_position: [0, 0] as never })).toThrow(/camera_position must be \[alpha, beta, radius\]/);
    expect(() => Model3D({ camera_position: [0, 0, -1] })).toThrow(/radius must be positive/);
    expect(() => Model3D({ zoom_speed: 0 })).toThrow(/zoom_speed must be a positive number/);
  });

  it("sends its props in the config (Gradio's defaults), its events, an example and the API schema", () => {
    let a!: ReturnType<typeof Model3D>;
    let b!: ReturnType<typeof Model3D>;
    const demo = Blocks(() => {
      a = Model3D({ label: "Model" });
      b = Model3D({ value: "https://example.com/a.gltf", clear_color: [0.1, 0.2, 0.3, 1], camera_position: [45, null, 3], zoom_speed: 2, pan_speed: 0.5, display_mode: "wireframe", height: 400 });
    });
    const props = (c: { id: number }) => demo.config().components.find((x) => x.id === c.id)!.props as Record<string, unknown>;
    expect(props(a)).toMatchObject({ name: "model3d", label: "Model", display_mode: null, clear_color: null, camera_position: [null, null, null], zoom_speed: 1, pan_speed: 1, height: null, value: null });
    expect(props(b)).toMatchObject({ display_mode: "wireframe", clear_color: [0.1, 0.2, 0.3, 1], camera_position: [45, null, 3], zoom_speed: 2, pan_speed: 0.5, height: 400,
      value: { path: "https://example.com/a.gltf", url: "https://example.com/a.gltf" } });
    for (const e of ["change", "upload", "edit", "clear"] as const) expect(typeof a[e]).toBe("function");
    expect(a.exampleInput()).toMatchObject({ path: EXAMPLE_MODEL_PATH, orig_name: "cube.obj" });
    expect(a.api().type).toMatchObject({ title: "FileData" });
    expect(a.processExample("https://example.com/b.stl")).toMatchObject({ path: "https://example.com/b.stl" });
  });

  it("knows model extensions whatever their case, and only those", () => {
    expect(["a.OBJ", "/x/y.glb", "m.gltf?x=1", "s.stl", "p.ply", "g.splat", "a.png", "noext"].map(modelExtension)).toEqual(
      [".obj", ".glb", ".gltf", ".stl", ".ply", ".splat", null, null]);
  });
});
