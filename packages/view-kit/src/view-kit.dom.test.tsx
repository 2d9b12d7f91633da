/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, type ClipboardEvent } from "react";
import { createRoot, type Root } from "react-dom/client";
import { pastedFiles, readClipboard, useFileDrop } from "./index.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function Target({ take, enabled }: { take: (files: File[]) => void; enabled: boolean }) {
  const { dragging, dropProps } = useFileDrop(take, enabled);
  return (
    <div id="zone" data-dragging={dragging} {...dropProps}>
      <span id="child">Drop here</span>
    </div>
  );
}

function mount(enabled = true) {
  const taken: string[][] = [];
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<Target take={(files) => void taken.push(files.map((f) => f.name))} enabled={enabled} />));
  const zone = container.querySelector<HTMLElement>("#zone")!;
  return { zone, child: container.querySelector<HTMLElement>("#child")!, outside: container, taken };
}

/** A drag event as the browser sends it (jsdom has no DragEvent with a dataTransfer). */
function drag(type: string, init: { files?: File[]; relatedTarget?: EventTarget | null } = {}) {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, relatedTarget: init.relatedTarget ?? null });
  Object.defineProperty(event, "dataTransfer", { value: { files: init.files ?? [], dropEffect: "copy" } });
  return event;
}

describe("useFileDrop", () => {
  it("marks the target while files are over it, and hands the dropped files over", () => {
    const { zone, taken } = mount();
    const over = drag("dragover");
    act(() => void zone.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true);
    expect(zone.dataset.dragging).toBe("true");
    const drop = drag("drop", { files: [new File(["a"], "a.png"), new File(["b"], "b.png")] });
    act(() => void zone.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.dataset.dragging).toBe("false");
    expect(taken).toEqual([["a.png", "b.png"]]);
  });

  it("stays marked while the pointer moves onto the target's children, not once it leaves", () => {
    const { zone, child, outside } = mount();
    act(() => void zone.dispatchEvent(drag("dragover")));
    act(() => void zone.dispatchEvent(drag("dragleave", { relatedTarget: child })));
    expect(zone.dataset.dragging).toBe("true");
    act(() => void zone.dispatchEvent(drag("dragleave", { relatedTarget: outside })));
    expect(zone.dataset.dragging).toBe("false");
  });

  it("when disabled, refuses the drop but still keeps the browser from opening the file", () => {
    const { zone, taken } = mount(false);
    const over = drag("dragover");
    act(() => void zone.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true);
    expect((over as unknown as { dataTransfer: DataTransfer }).dataTransfer.dropEffect).toBe("none");
    expect(zone.dataset.dragging).toBe("false");
    const drop = drag("drop", { files: [new File(["a"], "a.png")] });
    act(() => void zone.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(taken).toEqual([]);
  });
});

describe("pastedFiles", () => {
  const paste = (files: File[]) => {
    let prevented = false;
    const event = { clipboardData: { files }, preventDefault: () => void (prevented = true) } as unknown as ClipboardEvent;
    return { event, prevented: () => prevented };
  };

  it("gives a paste's files and handles the paste", () => {
    const p = paste([new File(["x"], "shot.png", { type: "image/png" })]);
    expect(pastedFiles(p.event).map((f) => f.name)).toEqual(["shot.png"]);
    expect(p.prevented()).toBe(true);
  });

  it("leaves a paste of text alone", () => {
    const p = paste([]);
    expect(pastedFiles(p.event)).toEqual([]);
    expect(p.prevented()).toBe(false);
  });
});

describe("readClipboard", () => {
  const withClipboard = (items: { types: string[]; getType: (t: string) => Promise<Blob> }[] | Error) =>
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { read: async () => { if (items instanceof Error) throw items; return items; } },
    });

  it("gives the first item of a wanted type", async () => {
    withClipboard([
      { types: ["text/plain"], getType: async () => new Blob(["text"]) },
      { types: ["text/html", "image/png"], getType: async (t) => new Blob(["png"], { type: t }) },
    ]);
    const blob = await readClipboard((type) => type.startsWith("image/"));
    expect(blob?.type).toBe("image/png");
  });

  it("gives null when nothing wanted is there, and passes the browser's refusal on", async () => {
    withClipboard([{ types: ["text/plain"], getType: async () => new Blob(["text"]) }]);
    expect(await readClipboard((type) => type.startsWith("image/"))).toBeNull();
    withClipboard(new Error("Read permission denied."));
    await expect(readClipboard(() => true)).rejects.toThrow("Read permission denied.");
  });
});
