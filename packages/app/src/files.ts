import type { FileData } from "@vitrine/core";

/** What the page gives every view for files ({@link ViewProps.upload} and {@link ViewProps.fileUrl}). */
export interface PageFiles {
  /** Uploads files to the app's server and resolves with their FileData, in order. */
  upload(files: readonly Blob[], options?: { onProgress?: (fraction: number) => void }): Promise<FileData[]>;
  /** The URL a browser loads a FileData from. */
  fileUrl(file: FileData): string;
  /**
   * Resolves once no upload started through {@link upload} is running, and the views have had a
   * turn to apply what theirs gave: an event waits for it before it reads its inputs, so a Submit
   * pressed while an image is still uploading sends the image.
   */
  settled(): Promise<void>;
}

/** What a page upload is handed to: the page's client (`Client.upload`). */
export type Uploader = (
  files: readonly Blob[],
  options: { upload_id: string; onProgress?: (fraction: number) => void },
) => Promise<FileData[]>;

/**
 * The URL of a file: its `url` when the server set one (outputs), an http(s) `path` as is, else
 * `{root}{api_prefix}/file={path}` (not percent-encoded, as Gradio builds it).
 */
export function fileUrl(root: string, apiPrefix: string | null | undefined, file: FileData): string {
  if (typeof file.url === "string" && file.url !== "") return file.url;
  if (/^https?:\/\//i.test(file.path)) return file.path;
  const prefix = apiPrefix == null ? "/gradio_api" : apiPrefix.replace(/\/+$/, "");
  return `${root.replace(/\/+$/, "")}${prefix}/file=${file.path}`;
}

/**
 * The page's {@link PageFiles}: uploads go through the page's client (one `POST /upload` with
 * an `upload_id`; progress comes from the browser's XMLHttpRequest upload events, so no second
 * connection is held for the progress stream), and URLs are built from the app's root.
 */
export function pageFiles(root: string, apiPrefix: string | null | undefined, upload: Uploader): PageFiles {
  const running = new Set<Promise<unknown>>();
  return {
    upload: (files, options = {}) => {
      const job = upload(files, { upload_id: uploadId(), onProgress: options.onProgress });
      running.add(job);
      const forget = () => void running.delete(job);
      job.then(forget, forget);
      return job;
    },
    fileUrl: (file) => fileUrl(root, apiPrefix, file),
    settled: async () => {
      while (running.size > 0) {
        await Promise.allSettled([...running]);
        // A view sets its value once its upload resolves: let it, before the event reads it.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}

/** A random id for one upload (Gradio's page sends one with each). */
function uploadId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
