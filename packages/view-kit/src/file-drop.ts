import { useState, type DragEvent } from "react";

/** The handlers {@link useFileDrop} gives, to spread on the drop target. */
export interface FileDropProps {
  /** Marks the target while files are over it (and lets them be dropped). */
  onDragOver: (e: DragEvent) => void;
  /** Unmarks it once the pointer leaves it (not when it moves onto one of its children). */
  onDragLeave: (e: DragEvent) => void;
  /** Hands the dropped files to `take`, unless the drop is disabled. */
  onDrop: (e: DragEvent) => void;
}

/**
 * Makes an element a drop target for files: `dragging` is true while files are dragged over it
 * (for its `data-dragging` style), and `take` gets the dropped files. While `enabled` is false a
 * drop is refused but still caught, so that a file dropped on the view never makes the browser
 * leave the page to open it.
 *
 * @example
 * const { dragging, dropProps } = useFileDrop((files) => void upload(files), interactive);
 * return <div data-dragging={dragging} {...dropProps}>Drop a file here</div>;
 */
export function useFileDrop(take: (files: File[]) => void, enabled = true): { dragging: boolean; dropProps: FileDropProps } {
  const [dragging, setDragging] = useState(false);
  const dropProps: FileDropProps = {
    onDragOver(e) {
      e.preventDefault();
      if (!enabled) {
        if (e.dataTransfer) e.dataTransfer.dropEffect = "none";
        return;
      }
      setDragging(true);
    },
    onDragLeave(e) {
      // Moving over the target's own children is not leaving it.
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop(e) {
      e.preventDefault();
      setDragging(false);
      if (enabled) take([...(e.dataTransfer?.files ?? [])]);
    },
  };
  return { dragging, dropProps };
}
