import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as vt from "vitrine";

/**
 * Makes (or remakes) the folder the demo browses, `vitrine-explorer-demo` under the OS temp
 * folder: a few notes, a data folder with a nested one, and a file the explorer's `ignore_glob`
 * hides. Returns its path.
 */
export function explorerFolder(): string {
  const root = join(tmpdir(), "vitrine-explorer-demo");
  mkdirSync(join(root, "data", "2024"), { recursive: true });
  writeFileSync(join(root, "readme.txt"), "Tick files in the tree, then press Submit.\n");
  writeFileSync(join(root, "notes.md"), "# Notes\n\n" + "- an item\n".repeat(40));
  writeFileSync(join(root, "data", "cities.csv"), "city,population\nParis,2102650\nLagos,15388000\nLima,10092000\n");
  writeFileSync(join(root, "data", "2024", "readings.csv"), "day,value\n" + Array.from({ length: 200 }, (_, i) => `${i + 1},${(i * 7) % 13}`).join("\n"));
  writeFileSync(join(root, ".secret"), "hidden by ignore_glob\n");
  return root;
}

/** One line per chosen file: its name and size. */
export function describeFiles(paths: string[]): string {
  if (paths.length === 0) return "No file chosen.";
  return paths.map((p) => `${basename(p)}: ${statSync(p).size} bytes`).join("\n");
}

/** FileExplorer: tick files in a folder tree (folders open as you expand them); see their names and sizes. */
export function explorer(root: string = explorerFolder()) {
  return new vt.Interface({
    fn: describeFiles,
    inputs: vt.FileExplorer({ root_dir: root, ignore_glob: ".*", label: "Files", max_height: 320 }),
    outputs: vt.Textbox({ label: "Chosen files", lines: 4 }),
    title: "File explorer",
    description: "Expand a folder, tick files, press **Submit**: the function gets their absolute paths.",
  });
}
