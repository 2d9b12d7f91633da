/**
 * Streaming outputs' final values. A generator feeding an output with `streaming: true` (an
 * Audio, a Video) streams one chunk per yield; when it ends, the output's value becomes one file
 * of all its chunks, as Gradio's `combine_stream`: the component joins them
 * (`combineStream(chunks, ctx)`), and the event's `process_completed` carries that file.
 */
import { isFileData, type Dependency, type FileData, type ProcessContext } from "@vitrine/core";

/** A component that joins the chunks it streamed into one file. */
interface CombinesStream {
  /** Joins the chunks (the payloads of the yields, in order) into one value; null to keep the last chunk. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  combineStream(chunks: readonly any[], ctx?: ProcessContext): Promise<unknown>;
}

function combines(c: unknown): c is CombinesStream {
  const props = (c as { props?: { streaming?: unknown } } | null)?.props;
  return props?.streaming === true && typeof (c as Partial<CombinesStream>).combineStream === "function";
}

/** The chunks each streaming output of one event received, in order. */
export class StreamedOutputs {
  /** Chunks by output position. */
  private readonly chunks = new Map<number, unknown[]>();

  constructor(private readonly dep: Dependency) {}

  /** Whether the listener has an output that streams and joins its chunks. */
  static applies(dep: Dependency): boolean {
    return dep.outputs.some(combines);
  }

  /** Notes the chunks in one postprocessed yield; returns it unchanged. */
  keep(values: unknown[]): unknown[] {
    this.dep.outputs.forEach((c, i) => {
      const v = values[i];
      const file = fileOf(v);
      if (!combines(c) || !file) return;
      const list = this.chunks.get(i) ?? [];
      // The same chunk sent again (an unchanged output of a multi-output yield) counts once.
      const last = list.at(-1);
      if (!last || fileOf(last)?.path !== file.path) list.push(v);
      this.chunks.set(i, list);
    });
    return values;
  }

  /**
   * The final values: `data` with each streaming output's chunks joined into one file (with its
   * URL), or null when no output streamed a chunk.
   */
  async combine(data: readonly unknown[], ctx?: ProcessContext & { fileUrl?: (path: string) => string }): Promise<unknown[] | null> {
    if (this.chunks.size === 0) return null;
    const out = [...data];
    for (const [i, list] of this.chunks) {
      const component = this.dep.outputs[i]!;
      if (!combines(component)) continue;
      const joined = await component.combineStream(list, ctx);
      if (joined !== null && joined !== undefined) out[i] = withUrl(joined, ctx?.fileUrl);
    }
    return out;
  }
}

/** The file of a chunk: a FileData, or the `video` of a VideoData-like payload. */
function fileOf(value: unknown): FileData | null {
  if (isFileData(value)) return value;
  const inner = (value as { video?: unknown } | null)?.video;
  return isFileData(inner) ? inner : null;
}

/** A joined value with its file's URL filled in (top level or one level down). */
function withUrl(value: unknown, fileUrl?: (path: string) => string): unknown {
  if (!fileUrl) return value;
  const fill = (f: FileData): FileData => (f.url ? f : { ...f, url: fileUrl(f.path) });
  if (isFileData(value)) return fill(value);
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isFileData(v) ? fill(v) : v]));
  return value;
}
