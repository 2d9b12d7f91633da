import { useCallback, useMemo } from "react";
import type { ExampleProps, ViewStatus } from "@vitrine/core";
import { useBlock, useExampleViews, usePage, useView } from "./context.js";
import { BlockBoundary, ErrorBox } from "./ErrorBox.js";
import { blockClasses, blockStyle, elemId, type Parent } from "./sizing.js";
import { StatusOverlay } from "./StatusOverlay.js";

/** Stands in for a component while its view loads: its label, and a shimmering field. */
function Skeleton({ label }: { label: string | null }) {
  return (
    <div className="vt-skeleton" aria-busy="true" data-testid="skeleton">
      {label ? <span className="vt-label">{label}</span> : null}
      <span className="vt-skeleton-field" />
    </div>
  );
}

/**
 * A component on the page: the `.vt-block` wrapper (visibility, size, container panel),
 * the component's view with its {@link ViewProps}, and the status overlay.
 */
export function ComponentBlock({ id, parent }: { id: number; parent: Parent }) {
  const { runner, files, callServer } = usePage();
  const block = useBlock(id);
  const View = useView(block.type);
  const examples = useExampleViews();
  const renderExample = useCallback(
    (type: string, example: Omit<ExampleProps, "fileUrl">) => {
      const Example = examples[type];
      return Example ? <Example value={example.value} props={example.props} fileUrl={files.fileUrl} /> : null;
    },
    [examples, files],
  );
  const { props, status } = block;

  const onChange = useCallback(
    (value: unknown, options?: { userInput?: boolean }) => void runner.change(id, value, options?.userInput ?? false),
    [runner, id],
  );
  const callOwnServer = useCallback(
    (fn: string, data?: unknown) => (callServer ? callServer(id, fn, data) : Promise.reject(new Error("This page cannot call server functions."))),
    [callServer, id],
  );
  const dispatch = useCallback((event: string, data?: unknown) => void runner.fire(id, event, data ?? null), [runner, id]);
  const viewStatus = useMemo<ViewStatus>(
    () => ({
      stage: status.stage,
      position: status.position ?? null,
      message: status.message ?? null,
      elapsed: status.startedAt ? (Date.now() - status.startedAt) / 1000 : undefined,
    }),
    [status],
  );

  const container = props.container !== false;
  const classes = blockClasses(["vt-block", container ? "vt-container" : "", `vt-type-${block.type}`], props);
  // `visible: false` leaves the view unmounted (as Gradio does); `"hidden"` keeps it mounted, unseen.
  if (props.visible === false) {
    return <div className={classes} id={elemId(props)} data-testid={`block-${id}`} style={blockStyle(props, parent)} />;
  }
  return (
    <div className={classes} id={elemId(props)} data-testid={`block-${id}`} style={blockStyle(props, parent)}>
      {View === undefined ? (
        <Skeleton label={typeof props.label === "string" && props.show_label !== false ? props.label : null} />
      ) : View === null ? (
        <ErrorBox title={`No view for "${block.type}"`}>The config lists no ui module for this block type.</ErrorBox>
      ) : View instanceof Error ? (
        <ErrorBox title={`The view for "${block.type}" could not be loaded`}>{View.message}</ErrorBox>
      ) : (
        <BlockBoundary label={`The "${block.type}" view`}>
          <View
            id={id}
            value={block.value}
            props={props}
            interactive={props.interactive !== false}
            status={viewStatus}
            onChange={onChange}
            dispatch={dispatch}
            upload={files.upload}
            fileUrl={files.fileUrl}
            callServer={callOwnServer}
            renderExample={renderExample}
          />
        </BlockBoundary>
      )}
      <StatusOverlay id={id} status={status} />
    </div>
  );
}
