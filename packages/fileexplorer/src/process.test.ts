import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Blocks, isUserError } from "@vitrine/core";
import { FileExplorer } from "./index.js";
import { checkSegments } from "./safe-path.js";

let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), "vt-fx-")));
  root = join(base, "root");
  outside = join(base, "outside");
  mkdirSync(join(root, "docs", "deep"), { recursive: true });
  mkdirSync(join(root, "empty"));
  mkdirSync(outside);
  writeFileSync(join(root, "a.txt"), "a");
  writeFileSync(join(root, "b.py"), "print()");
  writeFileSync(join(root, ".env"), "SECRET=1");
  writeFileSync(join(root, "docs", "c.txt"), "c");
  writeFileSync(join(root, "docs", "d.png"), "d");
  writeFileSync(join(root, "docs", "deep", "e.txt"), "e");
  writeFileSync(join(outside, "secret.txt"), "secret");
  symlinkSync(outside, join(root, "link-out"));
  symlinkSync(join(outside, "secret.txt"), join(root, "secret-link.txt"));
  symlinkSync(join(root, "docs", "c.txt"), join(root, "inner-link.txt"));
  // A folder named like an encoded traversal, to show such names are refused, not decoded.
  mkdirSync(join(root, "docs", "%2e%2e"));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The message of what `run` rejects (or throws) with. */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(isUserError(err)).toBe(true);
    return (err as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("FileExplorer listing (ls)", () => {
  it("lists folders first, then files, each by name; symlinks leaving root_dir are left out", async () => {
    const fx = FileExplorer({ root_dir: root });
    expect(await fx.ls([])).toEqual([
      { name: "docs", type: "folder", valid: true },
      { name: "empty", type: "folder", valid: true },
      { name: ".env", type: "file", valid: true },
      { name: "a.txt", type: "file", valid: true },
      { name: "b.py", type: "file", valid: true },
      { name: "inner-link.txt", type: "file", valid: true },
    ]);
    expect(await fx.ls(null)).toEqual(await fx.ls([]));
    expect((await fx.ls(["docs"])).map((n) => n.name)).toEqual(["%2e%2e", "deep", "c.txt", "d.png"]);
    expect(await fx.ls(["docs", "deep"])).toEqual([{ name: "e.txt", type: "file", valid: true }]);
    expect(await fx.ls(["empty"])).toEqual([]);
    expect(await fx.ls(["no-such-folder"])).toEqual([]);
  });

  it("shows only files the glob matches (a pattern without / matches names in any folder)", async () => {
    const txt = FileExplorer({ root_dir: root, glob: "*.txt" });
    expect(await txt.ls([])).toEqual([
      { name: "docs", type: "folder", valid: false },
      { name: "empty", type: "folder", valid: false },
      { name: "a.txt", type: "file", valid: true },
      { name: "inner-link.txt", type: "file", valid: true },
    ]);
    expect((await txt.ls(["docs"])).filter((n) => n.type === "file").map((n) => n.name)).toEqual(["c.txt"]);
    const deep = FileExplorer({ root_dir: root, glob: "docs/**/*.txt" });
    expect((await deep.ls([])).filter((n) => n.type === "file")).toEqual([]);
    expect((await deep.ls(["docs", "deep"])).map((n) => n.name)).toEqual(["e.txt"]);
  });

  it("hides what ignore_glob matches, files and folders", async () => {
    const fx = FileExplorer({ root_dir: root, ignore_glob: "*.py" });
    expect((await fx.ls([])).map((n) => n.name)).not.toContain("b.py");
    const noDocs = FileExplorer({ root_dir: root, ignore_glob: "{docs,.env}" });
    expect((await noDocs.ls([])).map((n) => n.name)).toEqual(["empty", "a.txt", "b.py", "inner-link.txt"]);
  });

  it.each([
    ["..", [".."]],
    ["a nested ..", ["docs", "..", ".."]],
    [".", ["."]],
    ["an absolute path", ["/etc"]],
    ["a path with separators", ["docs/../../outside"]],
    ["a backslash", ["..\\outside"]],
    ["an encoded ..", ["%2e%2e"]],
    ["an encoded separator", ["..%2Foutside"]],
    ["a null byte", ["docs\0"]],
    ["an empty segment", [""]],
    ["a non-string segment", [1]],
    ["a string instead of a list", "../outside"],
  ])("refuses %s with a clear message", async (_what, path) => {
    const fx = FileExplorer({ root_dir: root });
    const message = await refusal(() => fx.ls(path));
    expect(message).toMatch(/^FileExplorer: .* is refused: .+\. Only files inside the explorer's root_dir can be listed or chosen\.$/);
  });

  it("refuses a symlink that leaves root_dir", async () => {
    const fx = FileExplorer({ root_dir: root });
    expect(await refusal(() => fx.ls(["link-out"]))).toMatch(/symbolic link out of root_dir/);
  });

  it("is what the component server calls as ls, and the config lists it in server_fns", async () => {
    const fx = FileExplorer({ root_dir: root });
    expect(Object.keys(fx.serverFunctions())).toEqual(["ls"]);
    expect(await fx.serverFunctions().ls!(["docs", "deep"], { session_hash: "s" })).toEqual([{ name: "e.txt", type: "file", valid: true }]);
    const props = fx.configProps();
    expect(props).toMatchObject({ server_fns: ["ls"], root_dir: root, glob: "**/*", ignore_glob: null, file_count: "multiple", max_height: 500, value: null });
  });
});

describe("FileExplorer preprocess and postprocess", () => {
  it("gives absolute paths: a list for multiple, one path for single", async () => {
    const many = FileExplorer({ root_dir: root });
    expect(await many.preprocess([["docs", "c.txt"], ["a.txt"]])).toEqual([join(root, "docs", "c.txt"), join(root, "a.txt")]);
    expect(await many.preprocess([])).toEqual([]);
    expect(await many.preprocess(null)).toEqual([]);
    const one = FileExplorer({ root_dir: root, file_count: "single" });
    expect(await one.preprocess([["docs", "deep", "e.txt"]])).toBe(join(root, "docs", "deep", "e.txt"));
    expect(await one.preprocess([])).toBeNull();
    expect(await refusal(() => one.preprocess([["a.txt"], ["b.py"]]))).toBe("FileExplorer: expected only one file, but 2 were selected");
  });

  it("resolves a symlink inside root_dir to its real path", async () => {
    const fx = FileExplorer({ root_dir: root });
    expect(await fx.preprocess([["inner-link.txt"]])).toEqual([join(root, "docs", "c.txt")]);
  });

  it.each([
    [[[".."]]],
    [[["..", "outside", "secret.txt"]]],
    [[["/etc/passwd"]]],
    [[["docs", "..", "..", "outside", "secret.txt"]]],
    [[["%2e%2e", "outside"]]],
    [[["a.txt\0.png"]]],
    [[["secret-link.txt"]]],
    [[["link-out", "secret.txt"]]],
    [["a.txt"]],
  ])("refuses %j", async (payload) => {
    const fx = FileExplorer({ root_dir: root });
    expect(await refusal(() => fx.preprocess(payload as never))).toMatch(/^FileExplorer: .* is refused: /);
  });

  it("refuses folders, missing files, and files the glob or ignore_glob hides", async () => {
    const fx = FileExplorer({ root_dir: root, glob: "**/*.txt", ignore_glob: "docs/deep/**" });
    expect(await refusal(() => fx.preprocess([["docs"]]))).toBe('FileExplorer: "docs" is a folder; choose files');
    expect(await refusal(() => fx.preprocess([["nope.txt"]]))).toBe('FileExplorer: "nope.txt" does not exist in root_dir');
    expect(await refusal(() => fx.preprocess([["b.py"]]))).toMatch(/glob does not show it/);
    expect(await refusal(() => fx.preprocess([["docs", "deep", "e.txt"]]))).toMatch(/glob does not show it/);
    expect(await fx.preprocess([["docs", "c.txt"]])).toEqual([join(root, "docs", "c.txt")]);
  });

  it("turns paths inside root_dir (absolute or relative) into segments, and refuses others", async () => {
    const fx = FileExplorer({ root_dir: root });
    expect(fx.postprocess(join(root, "docs", "c.txt"))).toEqual([["docs", "c.txt"]]);
    expect(fx.postprocess(["a.txt", "docs/deep/e.txt"])).toEqual([["a.txt"], ["docs", "deep", "e.txt"]]);
    expect(fx.postprocess(null)).toBeNull();
    expect(() => fx.postprocess(join(outside, "secret.txt"))).toThrow(/is outside root_dir/);
    expect(() => fx.postprocess("../outside/secret.txt")).toThrow(/is outside root_dir/);
    expect(() => fx.postprocess("secret-link.txt")).toThrow(/symbolic link out of root_dir/);
  });

  it("checks root_dir, file_count and the initial value when built", () => {
    expect(() => FileExplorer({ root_dir: join(base, "missing") })).toThrow(/root_dir does not exist/);
    expect(() => FileExplorer({ root_dir: join(root, "a.txt") })).toThrow(/not a directory/);
    expect(() => FileExplorer({ root_dir: root, file_count: "directory" as never })).toThrow(/file_count must be "single" or "multiple"/);
    expect(() => FileExplorer({ root_dir: root, value: "/etc/passwd" })).toThrow(/outside root_dir/);
    expect(FileExplorer({ root_dir: root, value: ["docs/c.txt"] }).configProps().value).toEqual([["docs", "c.txt"]]);
  });

  it("takes a function as value (Gradio's callable value, with `inputs`): its initial result shown, re-run when an input changes", () => {
    let mode!: ReturnType<typeof FileExplorer>, picked!: ReturnType<typeof FileExplorer>;
    const app = Blocks(() => {
      mode = FileExplorer({ root_dir: root, label: "Mode" });
      picked = FileExplorer({ root_dir: root, label: "Picked", value: () => ["docs/c.txt", "a.txt"] });
      FileExplorer({ root_dir: root, label: "Follows", value: (chosen: string[] | null) => chosen ?? [], inputs: [mode] });
    });
    // Without inputs, the function's first result is the initial value.
    expect(app.config().components.find((c) => c.id === picked.id)!.props.value).toEqual([["docs", "c.txt"], ["a.txt"]]);
    const follows = app.dependencies.find((d) => d.inputs.includes(mode))!;
    expect(follows.targets.map(([, event]) => event)).toEqual(["change", "load"]);
    const chosen = [join(root, "docs", "deep", "e.txt")];
    expect(follows.fn!(chosen)).toBe(chosen);
  });

  it("defaults root_dir to the working directory", () => {
    expect(FileExplorer().root.path).toBe(realpathSync(process.cwd()));
  });

  it("describes its value in the API as Gradio's FileExplorerData", () => {
    Blocks(() => {
      const fx = FileExplorer({ root_dir: root, label: "Pick" });
      expect(fx.api()).toEqual({
        type: { items: { items: { type: "string" }, type: "array" }, title: "FileExplorerData", type: "array" },
        python_type: { type: "List[List[str]]", description: "" },
      });
    });
  });

  it("checkSegments takes null as the root", () => {
    expect(checkSegments(null)).toEqual([]);
    expect(checkSegments(["a", "b"])).toEqual(["a", "b"]);
  });
});
