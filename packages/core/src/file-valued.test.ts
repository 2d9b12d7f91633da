import { describe, expect, it } from "@jest/globals";
import { FileValuedComponent, fileData, isFileData, needFiles, storelessFile, type ApiDescription, type FileData, type FileStore, type ProcessContext } from "./index.js";

/** A one-file component: its output a path (or a FileData, or a URL), its wire value a FileData. */
class DocComponent extends FileValuedComponent<string, string | FileData, FileData | null> {
  readonly type = "doc";
  readonly ui = { file: "/dev/null" };
  override async postprocess(value: string | FileData, context?: ProcessContext): Promise<FileData | null> {
    if (isFileData(value)) return value;
    return storelessFile(value) ?? (await needFiles("Doc", context).adopt(value));
  }
  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

/** A component whose value is a pair of files: it says which values need no store. */
class PairComponent extends FileValuedComponent<[string, string], [string, string], [FileData, FileData] | null> {
  readonly type = "pair";
  readonly ui = { file: "/dev/null" };
  protected override storeless(value: unknown): unknown {
    if (!Array.isArray(value) || value.length !== 2) return null;
    const pair = value.map(storelessFile);
    return pair.every((f) => f !== null) ? pair : null;
  }
  override async postprocess(value: [string, string], context?: ProcessContext): Promise<[FileData, FileData] | null> {
    const files = needFiles("Pair", context);
    return [await files.adopt(value[0]), await files.adopt(value[1])];
  }
  api(): ApiDescription {
    return { type: { type: "array" }, python_type: { type: "Tuple[filepath, filepath]", description: "" } };
  }
}

/** A file store that records what it was asked to adopt. */
function store(): { context: ProcessContext; adopted: string[] } {
  const adopted: string[] = [];
  const files: FileStore = {
    save: async () => fileData("/cache/saved.bin"),
    adopt: async (path) => {
      adopted.push(path);
      return fileData(`/cache/${path}`);
    },
    resolve: async (file) => file.path,
    read: async () => new Uint8Array(),
  };
  return { context: { files }, adopted };
}

describe("FileValuedComponent", () => {
  const doc = fileData("/cache/a.pdf", { orig_name: "a.pdf" });
  const url = "https://example.com/b.pdf";

  it("sends an initial FileData or URL as it is; a path waits for the file store", async () => {
    expect(new DocComponent({ value: doc }).initialPayload()).toEqual(doc);
    expect(new DocComponent({ value: url }).initialPayload()).toEqual(fileData(url, { url }));
    const byPath = new DocComponent({ value: "report.pdf" });
    expect(byPath.initialPayload()).toBeNull();
    expect(byPath.initialValueNeedsFiles()).toBe(true);
    const { context, adopted } = store();
    expect(await byPath.configPropsWithFiles(context)).toEqual({ value: fileData("/cache/report.pdf") });
    expect(adopted).toEqual(["report.pdf"]);
    expect(new DocComponent().initialPayload()).toBeNull();
  });

  it("turns examples into wire values: as they are without a store, copied into the cache with one", async () => {
    const c = new DocComponent();
    expect(c.processExample(doc)).toEqual(doc);
    expect(c.processExample(url)).toEqual(fileData(url, { url }));
    // Without the store, a path is kept as written (the server replaces it as it starts).
    expect(c.processExample("report.pdf")).toBe("report.pdf");
    expect(c.processExample(undefined)).toBeNull();
    const { context, adopted } = store();
    expect(await c.processExampleWithFiles(url, context)).toEqual(fileData(url, { url }));
    expect(await c.processExampleWithFiles("report.pdf", context)).toEqual(fileData("/cache/report.pdf"));
    expect(await c.processExampleWithFiles(null, context)).toBeNull();
    expect(adopted).toEqual(["report.pdf"]);
  });

  it("asks the component which values need no store", async () => {
    const pair = [doc, url];
    const storeless = [doc, fileData(url, { url })];
    expect(new PairComponent({ value: pair as never }).initialPayload()).toEqual(storeless);
    expect(new PairComponent({ value: ["a.png", url] }).initialPayload()).toBeNull();
    const c = new PairComponent();
    expect(c.processExample(pair)).toEqual(storeless);
    const { context, adopted } = store();
    expect(await c.processExampleWithFiles(["a.png", "b.png"], context)).toEqual([fileData("/cache/a.png"), fileData("/cache/b.png")]);
    expect(adopted).toEqual(["a.png", "b.png"]);
  });
});
