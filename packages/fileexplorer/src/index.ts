export {
  FileExplorer,
  FileExplorerComponent,
  type FileExplorerCount,
  type FileExplorerInput,
  type FileExplorerOutput,
  type FileExplorerPayload,
  type FileExplorerProps,
  type FileNode as FileExplorerNode,
} from "./process.js";
export { fileExplorerEvents, type FileExplorerEvent, type FileExplorerEventData } from "./events.js";
