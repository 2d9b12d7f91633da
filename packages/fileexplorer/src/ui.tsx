/** Browser entry: the FileExplorer view. The page loads this module and renders its default export. */
export { FileExplorerView as default, FileExplorerView, type FileExplorerViewProps, type Paths, type TreeNode } from "./view.js";
export { FileExplorerExample as Example } from "./example.js";
