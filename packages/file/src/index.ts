export {
  File,
  Files,
  FileComponent,
  EXAMPLE_FILE_PATH,
  checkFileProps,
  fileName,
  filesApi,
  plainPayload,
  postprocessFile,
  postprocessFiles,
  preprocessFiles,
  type FileCount,
  type FileInput,
  type FileOutput,
  type FilePayload,
  type FileProps,
  type FileType,
  type FileValue,
  type OneFile,
  type PreprocessFilesOptions,
} from "./process.js";
export { fileEvents, type DeletedFileData, type FileEvent, type FileEventData } from "./events.js";
export { acceptAttribute, allowsAnyFile, describeFileTypes, extensionOf, formatSize, matchesFileTypes, mimeFromName, MIME_BY_EXTENSION } from "./filetypes.js";
