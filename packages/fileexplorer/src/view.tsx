import { useCallback, useEffect, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the FileExplorer view reads. */
export interface FileExplorerViewProps {
  /** "single" (the function gets one path, or null) or "multiple" (a list, default). */
  file_count: "single" | "multiple";
  /** The folder the user browses; nothing outside it is listed or accepted. */
  root_dir: string;
  /** Which files are shown (and may be chosen): a glob on the path from `root_dir`, e.g. */
  glob: string;
  /** Files and folders never shown nor accepted, by a glob like `glob`'s (`"*.py"`, `".git"`). */
  ignore_glob: string | null;
  /** Height of the tree: pixels, or a CSS length. */
  height: number | string | null;
  /** Largest height before it scrolls (default 500 pixels). */
  max_height: number | string | null;
  /** Least height. */
  min_height: number | string | null;
}

/** One entry of a folder's listing, as the server's `ls` answers. */
export interface TreeNode {
  /** The entry's name in its folder. */
  name: string;
  /** Whether it is a file or a folder. */
  type: "file" | "folder";
  /** Whether it may be chosen (the glob matches it). */
  valid?: boolean;
}

/** The wire value: each chosen file's path from the root, in segments. */
export type Paths = string[][];

const CSS = `
.vt-fx { overflow: auto; padding: var(--spacing-sm) var(--spacing-md); background: var(--background-fill-secondary);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); font-family: var(--font-mono, monospace);
  font-size: var(--text-sm); color: var(--body-text-color); }
.vt-fx ul { list-style: none; margin: 0; padding-left: var(--spacing-xl, 16px); }
.vt-fx > ul { padding-left: 0; }
.vt-fx li { margin: var(--spacing-xs, 2px) 0; }
.vt-fx-row { display: flex; align-items: center; gap: var(--spacing-sm); min-height: 24px; }
.vt-fx-row.vt-fx-chosen { background: var(--color-accent-soft); border-radius: var(--radius-sm); }
.vt-fx-toggle { display: inline-flex; align-items: center; justify-content: center; width: 20px; height: 20px; padding: 0;
  font: inherit; color: var(--body-text-color-subdued); background: none; border: none; border-radius: var(--radius-sm); cursor: pointer; }
.vt-fx-toggle:hover { background: var(--block-background-fill); color: var(--color-accent); }
.vt-fx-toggle[aria-expanded="true"] span { display: inline-block; transform: rotate(90deg); }
.vt-fx-icon { width: 20px; text-align: center; color: var(--body-text-color-subdued); }
.vt-fx-name { flex: 1; overflow-wrap: anywhere; cursor: pointer; padding: 0 var(--spacing-xs, 2px); border-radius: var(--radius-sm); }
.vt-fx-name:hover { background: var(--block-background-fill); }
.vt-fx input { accent-color: var(--color-accent); margin: 0; }
.vt-fx-note { color: var(--body-text-color-subdued); font-style: italic; }
.vt-fx-error { color: var(--error-text-color); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

const key = (path: readonly string[]) => path.join("/");

/** Whether the folder at `path` is ticked, itself or through a folder holding it. */
function ticked(folders: ReadonlySet<string>, path: string): boolean {
  if (path === "" || folders.size === 0) return false;
  for (const f of folders) if (path === f || path.startsWith(`${f}/`)) return true;
  return false;
}

/** Most files one ticked folder adds. */
const MAX_FOLDER_FILES = 1000;

/** Every file beneath a folder (listing its subfolders in turn), up to `max`; `complete` is false when it stopped there. */
async function collectFiles(list: (path: string[]) => Promise<TreeNode[]>, path: string[], max: number): Promise<{ files: Paths; complete: boolean }> {
  const files: Paths = [];
  const walk = async (dir: string[]): Promise<boolean> => {
    for (const node of await list(dir)) {
      if (node.type === "file") {
        if (files.length >= max) return false;
        files.push([...dir, node.name]);
      } else if (!(await walk([...dir, node.name]))) return false;
    }
    return true;
  };
  const complete = await walk(path);
  return { files, complete };
}

/** What every level of the tree shares. */
interface TreeContext {
  list(path: string[]): Promise<TreeNode[]>;
  chosen: ReadonlySet<string>;
  /** Folders holding a chosen file (opened at first). */
  holders: ReadonlySet<string>;
  /** Folders ticked as a whole ("multiple" only). */
  folders: ReadonlySet<string>;
  interactive: boolean;
  single: boolean;
  groupName: string;
  toggle(path: string[], checked: boolean): void;
  /** Ticks (every file beneath it) or unticks a folder. */
  toggleFolder(path: string[], checked: boolean): void;
  select(path: string[], index: number[]): void;
}

/** One folder's entries, listed from the server when it is first shown. */
function Folder({ path, index, ctx }: { path: string[]; index: number[]; ctx: TreeContext }) {
  const [entries, setEntries] = useState<TreeNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const pathKey = key(path);
  const { list } = ctx;

  useEffect(() => {
    let live = true;
    list(path).then(
      (nodes) => {
        if (!live) return;
        setEntries(nodes);
        // Folders that hold a chosen file start open, as Gradio's.
        setOpen(new Set(nodes.filter((n) => n.type === "folder" && ctx.holders.has(key([...path, n.name]))).map((n) => n.name)));
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
    // The listing is fetched once per folder shown; `path` is the same while `pathKey` is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list, pathKey]);

  // A ticked folder opens everything beneath it, as Gradio's does.
  const whole = ticked(ctx.folders, pathKey);
  useEffect(() => {
    if (!whole || entries === null) return;
    setOpen((prev) => new Set([...prev, ...entries.filter((n) => n.type === "folder").map((n) => n.name)]));
  }, [whole, entries]);

  if (error !== null) return <p className="vt-fx-error" role="alert">{error}</p>;
  if (entries === null) return <p className="vt-fx-note" aria-busy="true">Loading…</p>;
  if (entries.length === 0 && path.length === 0) return <p className="vt-fx-note">No files</p>;
  return (
    <ul role={path.length === 0 ? "tree" : "group"} aria-label={path.length === 0 ? "Files" : path[path.length - 1]}>
      {entries.map((node, i) => {
        const itemPath = [...path, node.name];
        const itemKey = key(itemPath);
        const itemIndex = [...index, i];
        if (node.type === "folder") {
          const expanded = open.has(node.name);
          const flip = (to = !expanded) =>
            setOpen((prev) => {
              const next = new Set(prev);
              if (to) next.add(node.name);
              else next.delete(node.name);
              return next;
            });
          return (
            <li key={`d:${node.name}`} role="treeitem" aria-expanded={expanded} aria-selected={false}>
              <span className="vt-fx-row">
                {ctx.interactive && !ctx.single ? (
                  <input type="checkbox" checked={ticked(ctx.folders, itemKey)} aria-label={`${itemKey}/`}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      if (checked) flip(true);
                      ctx.toggleFolder(itemPath, checked);
                    }} />
                ) : null}
                <button type="button" className="vt-fx-toggle" aria-label={`${expanded ? "Collapse" : "Expand"} ${node.name}`}
                  aria-expanded={expanded} onClick={() => flip()}>
                  <span aria-hidden="true">▸</span>
                </button>
                <span className="vt-fx-name" onClick={() => ctx.select(itemPath, itemIndex)}>{node.name}/</span>
              </span>
              {expanded ? <Folder path={itemPath} index={itemIndex} ctx={ctx} /> : null}
            </li>
          );
        }
        const chosen = ctx.chosen.has(itemKey);
        return (
          <li key={`f:${node.name}`} role="treeitem" aria-selected={chosen}>
            <span className={`vt-fx-row${chosen && !ctx.interactive ? " vt-fx-chosen" : ""}`}>
              {ctx.interactive ? (
                <input type={ctx.single ? "radio" : "checkbox"} name={ctx.single ? ctx.groupName : undefined} checked={chosen}
                  aria-label={itemKey} onChange={(e) => ctx.toggle(itemPath, e.currentTarget.checked)} />
              ) : (
                <span className="vt-fx-icon" aria-hidden="true">·</span>
              )}
              <span className="vt-fx-name" onClick={() => ctx.select(itemPath, itemIndex)}>{node.name}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The FileExplorer view: the root folder's tree, whose folders list their entries from the
 * server (`callServer("ls", path)`) when first expanded. When interactive, files have
 * checkboxes (radio buttons with `file_count` "single"); ticking one sets the value (firing
 * `change` and `input`); with "multiple", a folder's checkbox ticks every file beneath it (up to
 * 1000) and unticks them. A click on a name fires `select`. Folders holding a chosen file start open.
 */
export function FileExplorerView({ id, value, props, interactive, onChange, dispatch, callServer }: ViewProps<Paths | null, FileExplorerViewProps>) {
  adoptStylesheet("vt-fx-style", CSS);
  const paths = Array.isArray(value) ? value : [];
  const single = props.file_count === "single";
  const chosen = new Set(paths.map(key));
  const holders = new Set<string>();
  for (const p of paths) for (let i = 1; i < p.length; i++) holders.add(key(p.slice(0, i)));

  const list = useCallback(
    async (path: string[]): Promise<TreeNode[]> => {
      if (!callServer) throw new Error("This page cannot reach the server to list files.");
      const nodes = await callServer("ls", path);
      return Array.isArray(nodes) ? (nodes as TreeNode[]) : [];
    },
    // A new root, glob or ignore glob lists everything again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [callServer, props.root_dir, props.glob, props.ignore_glob],
  );

  const [folders, setFolders] = useState<ReadonlySet<string>>(() => new Set());
  const [note, setNote] = useState<string | null>(null);
  // The value as last rendered, for what a folder's (asynchronous) ticking adds to.
  const latest = useRef(paths);
  latest.current = paths;

  const toggle = (path: string[], checked: boolean) => {
    const k = key(path);
    let next: Paths;
    if (single) next = checked ? [path] : [];
    else if (checked) next = chosen.has(k) ? paths : [...paths, path];
    else next = paths.filter((p) => key(p) !== k);
    // A file unticked unticks the folders holding it.
    if (!checked) setFolders((prev) => new Set([...prev].filter((f) => !k.startsWith(`${f}/`))));
    onChange(next, { userInput: true });
  };

  const toggleFolder = (path: string[], checked: boolean) => {
    const k = key(path);
    const inside = (p: string) => p === k || p.startsWith(`${k}/`);
    if (!checked) {
      setFolders((prev) => new Set([...prev].filter((f) => !inside(f) && !k.startsWith(`${f}/`))));
      onChange(latest.current.filter((p) => !inside(key(p))), { userInput: true });
      return;
    }
    setFolders((prev) => new Set([...prev, k]));
    collectFiles(list, path, MAX_FOLDER_FILES).then(
      ({ files, complete }) => {
        setNote(complete ? null : `Only the first ${MAX_FOLDER_FILES} files of ${k} were chosen.`);
        const have = new Set(latest.current.map(key));
        const added = files.filter((f) => !have.has(key(f)));
        if (added.length > 0) onChange([...latest.current, ...added], { userInput: true });
      },
      (err: unknown) => setNote(err instanceof Error ? err.message : String(err)),
    );
  };
  const select = (path: string[], index: number[]) => dispatch("select", { index, value: key(path), selected: true });

  const ctx: TreeContext = { list, chosen, holders, folders, interactive, single, groupName: `vt-fx-${id}`, toggle, toggleFolder, select };
  const style = { height: cssLength(props.height), maxHeight: cssLength(props.max_height), minHeight: cssLength(props.min_height) };
  const label = props.label ?? "FileExplorer";
  return (
    <div className="vt-fx-wrap">
      {props.show_label !== false ? <span className="vt-label">{label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-fx" style={style} aria-label={label} role="group">
        <Folder key={key([props.root_dir, props.glob, props.ignore_glob ?? ""])} path={[]} index={[]} ctx={ctx} />
      </div>
      {note ? <p className="vt-fx-error" role="alert">{note}</p> : null}
    </div>
  );
}
