import { Component, type ReactNode } from "react";

/** An inline box explaining why a block cannot be shown. */
export function ErrorBox({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="vt-error-box" role="note">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** Keeps one block's rendering error inside that block instead of blanking the page. */
export class BlockBoundary extends Component<{ label: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorBox title={`${this.props.label} failed to render`}>{this.state.error.message}</ErrorBox>;
    return this.props.children;
  }
}
