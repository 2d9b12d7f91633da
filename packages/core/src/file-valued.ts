import { Component } from "./component.js";
import { storelessFile, type ProcessContext } from "./files.js";

/**
 * A component whose value is made of files (Image, Audio, Video, File, UploadButton, …). Its
 * initial value and its examples go to the browser as they are when they need no file store (a
 * FileData, an http(s) URL); one given as a path or bytes waits for the server, which copies it
 * into the cache when it starts and shows it from there.
 *
 * @example
 * class PdfComponent extends FileValuedComponent<string, string, FileData | null> {
 *   // ui, preprocess, postprocess and api as for any component
 * }
 */
export abstract class FileValuedComponent<TValue = unknown, TReturn = TValue, TPayload = unknown> extends Component<TValue, TReturn, TPayload> {
  /**
   * The wire value of a value that needs no file store, else null (it needs one). Default
   * {@link storelessFile}: a FileData as it is, a URL as a FileData pointing at it. Components
   * whose value is a list or a pair of files override it.
   */
  protected storeless(value: unknown): unknown {
    return storelessFile(value);
  }

  /** The initial value, when it needs no file store; else null, and the server makes it as it starts. */
  override initialPayload(): unknown {
    return this.storeless(this.valueProp);
  }

  override processExample(example: unknown): unknown {
    return this.storeless(example) ?? example ?? null;
  }

  /** An example given as a path (or bytes) is copied into the cache when the server starts, and shown from there. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return this.storeless(example) ?? (await this.postprocess(example as TReturn, context));
  }
}
