import { afterAll, expect } from "@jest/globals";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeComponent } from "@vitrine/component-test";
import { FileExplorer, type FileExplorerProps } from "./index.js";

// The folder the explorer browses: a few files, one subfolder.
const root = realpathSync(mkdtempSync(join(tmpdir(), "vitrine-fileexplorer-conformance-")));
writeFileSync(join(root, "notes.txt"), "Meeting notes\n");
writeFileSync(join(root, "data.csv"), "name,score\nAda,92\n");
mkdirSync(join(root, "docs"));
writeFileSync(join(root, "docs", "guide.md"), "# Guide\n");
writeFileSync(join(root, "docs", "faq.md"), "# FAQ\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

// root_dir is a fresh temp folder: the snapshot keeps it as <root_dir>.
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(root),
  serialize: (value: string) => JSON.stringify(`<root_dir>${value.slice(root.length)}`),
});

describeComponent({
  create: (props: FileExplorerProps) => FileExplorer(props),
  props: { root_dir: root },
  // Paths a function returns as chosen: relative to root_dir, or absolute inside it.
  samples: [["notes.txt", "docs/guide.md"], join(root, "data.csv"), ["docs/faq.md"]],
  // The function receives absolute paths, always a list ("multiple").
  roundTrip: (back, sample) => {
    const list = typeof sample === "string" ? [sample] : (sample as string[]);
    expect(back).toEqual(list.map((p) => (p.startsWith(root) ? p : join(root, p))));
  },
  editor: (block) => block.getByRole("checkbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("checkbox", { name: "notes.txt", exact: true }).click(),
    select: ({ block }) => block.getByText("data.csv", { exact: true }).click(),
  },
});
