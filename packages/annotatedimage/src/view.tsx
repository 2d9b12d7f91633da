import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { labelColors } from "./colors.js";
import { hitAnnotation, readOverlayPixels, type OverlayPixels } from "./hit.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** The wire value of an AnnotatedImage. */
export interface AnnotatedImageValue {
  /** The base image. */
  image: FileData;
  /** One overlay per annotation (an RGBA PNG over the base image) with its label. */
  annotations: { image: FileData; label: string }[];
}

/** Config props the AnnotatedImage view reads. */
export interface AnnotatedImageViewProps {
  /** Whether a legend of the labels is shown under the image. */
  show_legend: boolean;
  /** Height of the displayed image: pixels, or a CSS length. */
  height: number | string | null;
  /** Width of the displayed image: pixels, or a CSS length. */
  width: number | string | null;
  /** Colours of labels, as hex codes (`{ cat: "#ff0000" }`); other labels take the default palette's. */
  color_map: Record<string, string> | null;
  /** Whether a fullscreen button is shown. */
  show_fullscreen_button: boolean;
}

const CSS = `
.vt-annotated-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); overflow: hidden; }
.vt-annotated-stack { position: relative; display: inline-block; max-width: 100%; max-height: 100%; line-height: 0; }
.vt-annotated-stack img { display: block; max-width: 100%; max-height: 100%; user-select: none; }
.vt-annotated-stack .vt-annotated-base { object-fit: contain; }
.vt-annotated-stack .vt-annotated-mask { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none;
  opacity: 0.85; transition: opacity 0.15s ease; }
.vt-annotated-stack .vt-annotated-mask[data-state="active"] { opacity: 1; }
.vt-annotated-stack .vt-annotated-mask[data-state="dimmed"] { opacity: 0.15; }
.vt-annotated-stack[data-hit="true"] { cursor: pointer; }
.vt-annotated-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); z-index: 1; }
.vt-annotated-tool { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; padding: 0;
  color: var(--body-text-color); background: var(--block-background-fill); border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-sm); cursor: pointer; }
.vt-annotated-tool:hover { border-color: var(--color-accent); }
.vt-annotated-legend { display: flex; flex-wrap: wrap; gap: var(--spacing-sm); margin-top: var(--spacing-md); padding: 0; list-style: none; }
.vt-annotated-legend-item { display: inline-flex; align-items: center; gap: var(--spacing-sm); padding: var(--spacing-xs) var(--spacing-md);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; transition: opacity 0.15s ease; }
.vt-annotated-legend-item[data-state="dimmed"] { opacity: 0.4; }
.vt-annotated-legend-item[data-state="active"] { border-color: var(--color-accent); }
.vt-annotated-swatch { width: 12px; height: 12px; border-radius: var(--radius-sm); flex: none; }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/** `active`, `dimmed` or `idle`: how item `i` shows while `active` is highlighted. */
function stateOf(i: number, active: number | null): "active" | "dimmed" | "idle" {
  return active === null ? "idle" : active === i ? "active" : "dimmed";
}

/**
 * The AnnotatedImage view: the base image with its annotations' overlays stacked on it, and a
 * legend. Hovering a legend item or an annotation highlights it and dims the others; clicking
 * either fires `select` with the annotation's index and label.
 */
export function AnnotatedImageView({ value, props, dispatch, fileUrl }: ViewProps<AnnotatedImageValue | null, AnnotatedImageViewProps>) {
  adoptStylesheet("vt-annotatedimage-style", CSS);
  const frame = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  /** The base image's width / height, once loaded: with a `height`, the image is scaled to fit it. */
  const [ratio, setRatio] = useState<number | null>(null);
  const overlays = useRef<{ key: string; pixels: Promise<(OverlayPixels | null)[]> } | null>(null);
  const annotations = value?.annotations ?? [];
  const colors = useMemo(() => labelColors(annotations.map((a) => a.label), props.color_map), [annotations, props.color_map]);
  const urls = annotations.map((a) => fileUrl(a.image));
  const key = urls.join("\n");
  useEffect(() => setActive(null), [key]);

  /** The overlays' pixels, read once per value, the first time the pointer needs them. */
  function pixels(): Promise<(OverlayPixels | null)[]> {
    if (overlays.current?.key !== key) overlays.current = { key, pixels: Promise.all(urls.map(readOverlayPixels)) };
    return overlays.current.pixels;
  }

  /** The annotation under the pointer, in the base image's natural pixels. */
  async function hit(e: MouseEvent<HTMLElement>): Promise<number | null> {
    const img = e.currentTarget.querySelector<HTMLImageElement>("img.vt-annotated-base");
    if (!img) return null;
    const rect = img.getBoundingClientRect();
    if (!rect.width || !rect.height || !img.naturalWidth) return null;
    const x = Math.floor(((e.clientX - rect.left) * img.naturalWidth) / rect.width);
    const y = Math.floor(((e.clientY - rect.top) * img.naturalHeight) / rect.height);
    return hitAnnotation(await pixels(), x, y);
  }

  function select(i: number) {
    const a = annotations[i];
    if (a) dispatch("select", { index: i, value: a.label, selected: true });
  }

  const label = props.label ?? "Annotated image";
  const height = cssLength(props.height);
  const width = cssLength(props.width);
  const base = value ? fileUrl(value.image) : null;

  return (
    <div className="vt-field vt-annotatedimage" style={width ? { width } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-annotated-frame" ref={frame} style={height ? { height } : undefined} aria-label={base ? undefined : `${label}: empty`}>
        {base ? (
          <>
            {props.show_fullscreen_button !== false ? (
              <div className="vt-annotated-tools">
                <button type="button" className="vt-annotated-tool" aria-label="Fullscreen" title="Fullscreen"
                  onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}>
                  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
                    <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
                  </svg>
                </button>
              </div>
            ) : null}
            <div
              className="vt-annotated-stack"
              data-hit={active !== null}
              style={height && ratio ? { width: `min(100%, calc(${height} * ${ratio}))`, aspectRatio: String(ratio) } : undefined}
              onMouseMove={(e) => void hit(e).then(setActive)}
              onMouseLeave={() => setActive(null)}
              onClick={(e) => void hit(e).then((i) => i !== null && select(i))}
            >
              <img className="vt-annotated-base" src={base} alt={label} draggable={false}
                onLoad={(e) => { const img = e.currentTarget; if (img.naturalHeight) setRatio(img.naturalWidth / img.naturalHeight); }}
                style={height && ratio ? { width: "100%", height: "100%" } : height ? { maxHeight: height } : undefined} />
              {annotations.map((a, i) => (
                <img key={i} className="vt-annotated-mask" src={urls[i]} alt="" aria-hidden="true" draggable={false}
                  data-index={i} data-state={stateOf(i, active)} />
              ))}
            </div>
          </>
        ) : null}
      </div>
      {base && props.show_legend !== false && annotations.length > 0 ? (
        <ul className="vt-annotated-legend" aria-label={`${label}: legend`}>
          {annotations.map((a, i) => (
            <li key={i}>
              <button type="button" className="vt-annotated-legend-item" data-state={stateOf(i, active)}
                onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(i)} onBlur={() => setActive(null)}
                onClick={() => select(i)}>
                <span className="vt-annotated-swatch" style={{ background: colors[i] }} aria-hidden="true" />
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
