import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { ApiEndpoint, ApiInfo, ApiParameter, AppConfig } from "@vitrine/core";
import { recordedSnippetCalls, type ApiRecorderState } from "./api-recorder.js";
import {
  INSTALL_COMMANDS,
  LANGUAGE_LABELS,
  SNIPPET_LANGUAGES,
  exampleCall,
  exampleValue,
  parameterName,
  snippetFor,
  type SnippetLanguage,
  type SnippetTarget,
} from "./api-snippets.js";
import "./api-panel.css";

/** Loads the app's API description (`/gradio_api/info`). */
function useApiInfo(root: string, prefix: string): ApiInfo | Error | null {
  const [info, setInfo] = useState<ApiInfo | Error | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`${root}${prefix}/info`)
      .then((r) => (r.ok ? (r.json() as Promise<ApiInfo>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(
        (i) => live && setInfo(i),
        (e: unknown) => live && setInfo(e instanceof Error ? e : new Error(String(e))),
      );
    return () => {
      live = false;
    };
  }, [root, prefix]);
  return info;
}

/** Writes `text` to the clipboard: the Clipboard API, else a selected text area and `copy`. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      /* not allowed here: fall back */
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("The browser refused to copy.");
}

/** A button that copies `text`, then says so for two seconds (announced to screen readers). */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="vt-copy vt-api-copy"
        aria-label={`Copy ${label}`}
        onClick={() => copyText(text).then(() => setState("copied"), () => setState("failed"))}
      >
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      <span className="vt-api-sr-only" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Could not copy" : ""}
      </span>
    </>
  );
}

/** A block of code with its copy button; `label` names it (tests and screen readers find it by it). */
function Snippet({ code, label }: { code: string; label: string }) {
  return (
    <figure className="vt-api-code" aria-label={label}>
      <div className="vt-api-code-bar">
        <CopyButton text={code} label={label} />
      </div>
      <pre className="vt-api-snippet" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}

/** A value as the parameter table shows it. */
function shown(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

/** The parameters of an endpoint: name, type, component, default and example value. */
function Parameters({ apiName, params }: { apiName: string; params: readonly ApiParameter[] }) {
  if (params.length === 0) return <p className="vt-api-muted">No parameters.</p>;
  return (
    <table className="vt-api-table">
      <caption>Parameters of {apiName}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Component</th>
          <th scope="col">Default</th>
          <th scope="col">Example</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p) => (
          <tr key={parameterName(p)}>
            <th scope="row">
              <code>{parameterName(p)}</code>
            </th>
            <td>
              <code>{p.python_type.type}</code>
              {p.python_type.description ? <span className="vt-api-muted"> ({p.python_type.description})</span> : null}
            </td>
            <td>
              {p.component} “{p.label}”
            </td>
            <td>{p.parameter_has_default ? <code>{shown(p.parameter_default)}</code> : <span className="vt-api-muted">required</span>}</td>
            <td>
              <code>{shown(exampleValue(p))}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an endpoint returns. */
function Returns({ returns }: { returns: readonly ApiParameter[] }) {
  if (returns.length === 0) return <p className="vt-api-muted">Returns nothing.</p>;
  return (
    <ul className="vt-api-returns">
      {returns.map((r, i) => (
        <li key={i}>
          <code>{r.python_type.type}</code> — {r.component} “{r.label}”
        </li>
      ))}
    </ul>
  );
}

/** One endpoint: its description, parameters, returns and a ready-to-run call in `language`. */
function Endpoint({ name, endpoint, language, target }: { name: string; endpoint: ApiEndpoint; language: SnippetLanguage; target: SnippetTarget }) {
  const headingId = useId();
  const code = useMemo(() => snippetFor(language, target, [exampleCall(name, endpoint)]), [language, target, name, endpoint]);
  return (
    <article className="vt-api-endpoint" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <code>{name}</code>
      </h3>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <Parameters apiName={name} params={endpoint.parameters} />
      <h4>Returns</h4>
      <Returns returns={endpoint.returns} />
      <Snippet code={code} label={`${LANGUAGE_LABELS[language]} call of ${name}`} />
    </article>
  );
}

/** The recorder's controls and, once calls are recorded, the snippet that makes them again. */
function Recorder({
  recorder,
  config,
  info,
  infoSettled,
  language,
  target,
  onClose,
}: {
  recorder: StoreApi<ApiRecorderState>;
  config: AppConfig;
  info: ApiInfo | null;
  /** Whether `/info` has answered (or failed): until then the parameters' names are unknown. */
  infoSettled: boolean;
  language: SnippetLanguage;
  target: SnippetTarget;
  onClose: () => void;
}) {
  const { recording, calls, start, stop, clear } = useStore(recorder);
  const code = useMemo(
    () => (calls.length > 0 ? snippetFor(language, target, recordedSnippetCalls(calls, config.components, info)) : ""),
    [calls, config.components, info, language, target],
  );
  return (
    <section className="vt-api-recorder-section" aria-labelledby="vt-api-recorder-title">
      <h3 id="vt-api-recorder-title">API recorder</h3>
      <p className="vt-api-muted">
        Record what you do on the page: each call it makes is written below in the chosen language, ready to run again.
      </p>
      <div className="vt-api-actions">
        <button
          type="button"
          className="vt-button vt-button-sm vt-button-secondary vt-api-action"
          aria-pressed={recording}
          onClick={() => {
            if (recording) {
              stop();
            } else {
              start();
              onClose();
            }
          }}
        >
          {recording ? "Stop recording" : "Record API calls"}
        </button>
        {calls.length > 0 ? (
          <button type="button" className="vt-button vt-button-sm vt-button-secondary vt-api-action" onClick={clear}>
            Clear recorded calls
          </button>
        ) : null}
      </div>
      {calls.length > 0 && !infoSettled ? <p>Loading…</p> : null}
      {calls.length > 0 && infoSettled ? (
        <>
          <h4>{calls.length === 1 ? "1 recorded call" : `${calls.length} recorded calls`}</h4>
          <Snippet code={code} label={`Recorded calls, ${LANGUAGE_LABELS[language]}`} />
        </>
      ) : null}
    </section>
  );
}

/** Focusable elements inside `root`, in order (for keeping Tab inside the dialog). */
function focusable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute("disabled") && el.getClientRects().length > 0,
  );
}

/**
 * "Use via API": a dialog listing the app's public endpoints (parameters with type, default
 * and example value; returns), a ready-to-run call of each for `@vitrine/client`,
 * `@gradio/client`, Python's `gradio_client` and curl, and the API recorder. Escape closes it;
 * focus stays inside while it is open and goes back where it was when it closes.
 */
export default function ApiPanel({
  root,
  config,
  recorder,
  onClose,
}: {
  root: string;
  config: AppConfig;
  recorder?: StoreApi<ApiRecorderState>;
  onClose: () => void;
}) {
  const info = useApiInfo(root, config.api_prefix);
  const [language, setLanguage] = useState<SnippetLanguage>("vitrine");
  const panel = useRef<HTMLElement>(null);
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const target = useMemo<SnippetTarget>(() => ({ url: `${root.replace(/\/+$/, "")}/`, apiPrefix: config.api_prefix }), [root, config.api_prefix]);
  const ids = useId();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
      if (e.key === "Tab" && panel.current) {
        const items = focusable(panel.current);
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        if (e.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [onClose]);

  const onTabKey = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    const i = SNIPPET_LANGUAGES.indexOf(language);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: SNIPPET_LANGUAGES.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = SNIPPET_LANGUAGES[(moves[e.key]! + SNIPPET_LANGUAGES.length) % SNIPPET_LANGUAGES.length]!;
    setLanguage(next);
    tabs.current[next]?.focus();
  };

  const loaded = info && !(info instanceof Error) ? info : null;
  const endpoints = loaded ? Object.entries(loaded.named_endpoints) : [];
  const install = INSTALL_COMMANDS[language];
  const titleId = `${ids}-title`;
  return (
    <div className="vt-api-backdrop" onClick={onClose}>
      <section
        ref={panel}
        className="vt-api-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="vt-api-header">
          <h2 id={titleId}>Use via API</h2>
          <button type="button" className="vt-toast-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="vt-api-muted">
          {endpoints.length === 1 ? "1 API endpoint" : `${endpoints.length} API endpoints`} at <code>{target.url}</code>
        </p>
        <div className="vt-api-tabs" role="tablist" aria-label="Language">
          {SNIPPET_LANGUAGES.map((lang) => (
            <button
              key={lang}
              ref={(el) => void (tabs.current[lang] = el)}
              type="button"
              role="tab"
              id={`${ids}-tab-${lang}`}
              aria-selected={lang === language}
              aria-controls={`${ids}-panel`}
              tabIndex={lang === language ? 0 : -1}
              className="vt-api-tab"
              onClick={() => setLanguage(lang)}
              onKeyDown={onTabKey}
            >
              {LANGUAGE_LABELS[lang]}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${language}`} className="vt-api-tabpanel">
          {install ? <Snippet code={install} label={`Install ${LANGUAGE_LABELS[language]}`} /> : null}
          {recorder ? <Recorder recorder={recorder} config={config} info={loaded} infoSettled={info !== null} language={language} target={target} onClose={onClose} /> : null}
          {info === null ? <p>Loading…</p> : null}
          {info instanceof Error ? <p className="vt-error-box">Could not load the API description: {info.message}</p> : null}
          {loaded && endpoints.length === 0 ? <p>This app has no public endpoints.</p> : null}
          {endpoints.map(([name, endpoint]) => (
            <Endpoint key={name} name={name} endpoint={endpoint} language={language} target={target} />
          ))}
        </div>
      </section>
    </div>
  );
}
