/** The Chatbot view's stylesheet: every colour, size and radius from the theme's CSS variables. */
export const chatbotStyle = `
.vt-chatbot { position: relative; display: flex; flex-direction: column; gap: var(--spacing-sm); min-width: 0; }
.vt-chatbot-toolbar { display: flex; justify-content: flex-end; gap: var(--spacing-xs); }
.vt-chatbot-log {
  display: flex; flex-direction: column; gap: var(--spacing-lg); overflow-y: auto; padding: var(--spacing-md); contain: layout paint;
  font-size: var(--chatbot-text-size, var(--text-md)); color: var(--body-text-color);
  background: var(--background-fill-primary); border-radius: var(--radius-md);
}
.vt-chatbot-log[data-resizable] { resize: vertical; }
.vt-chatbot-empty { margin: auto; display: flex; flex-direction: column; align-items: center; gap: var(--spacing-lg); text-align: center; }
.vt-chatbot-examples { display: flex; flex-wrap: wrap; justify-content: center; gap: var(--spacing-md); }
.vt-chatbot-example {
  display: flex; flex-direction: column; align-items: center; gap: var(--spacing-xs); max-width: 14em;
  padding: var(--spacing-md) var(--spacing-lg); font: inherit; color: var(--body-text-color);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-md); cursor: pointer;
}
.vt-chatbot-example:hover { border-color: var(--border-color-accent); }
.vt-chatbot-example img { width: 2em; height: 2em; object-fit: cover; border-radius: var(--radius-sm); }
.vt-chatbot-group { display: flex; gap: var(--spacing-md); align-items: flex-start; max-width: 100%; content-visibility: auto; contain-intrinsic-size: auto 80px; }
.vt-chatbot-group:last-child { content-visibility: visible; }
.vt-chatbot-group[data-role="user"] { flex-direction: row-reverse; }
.vt-chatbot[data-layout="panel"] .vt-chatbot-group[data-role="user"] { flex-direction: row; }
.vt-chatbot-avatar { width: 2.25em; height: 2.25em; flex: none; border-radius: 50%; object-fit: cover; }
.vt-chatbot-stack { display: flex; flex-direction: column; gap: var(--spacing-xs); min-width: 0; max-width: 85%; }
.vt-chatbot-group[data-role="user"] .vt-chatbot-stack { align-items: flex-end; }
.vt-chatbot[data-layout="panel"] .vt-chatbot-stack { max-width: 100%; flex: 1; align-items: stretch; }
.vt-chatbot-bubble {
  display: flex; flex-direction: column; gap: var(--spacing-sm); min-width: 0; max-width: 100%;
  padding: var(--spacing-md) var(--spacing-lg); border: 1px solid var(--border-color-primary); border-radius: var(--radius-lg);
  background: var(--background-fill-secondary); color: var(--body-text-color); overflow-wrap: anywhere;
}
.vt-chatbot-group[data-role="user"] .vt-chatbot-bubble { background: var(--color-accent-soft); border-color: var(--border-color-accent-subdued); }
.vt-chatbot[data-layout="panel"] .vt-chatbot-bubble { border-radius: var(--radius-md); }
.vt-chatbot-message[data-selectable] { cursor: pointer; }
.vt-chatbot-message .vt-markdown-field { gap: 0; }
.vt-chatbot-message .vt-markdown > :first-child { margin-top: 0; }
.vt-chatbot-message .vt-markdown > :last-child { margin-bottom: 0; }
.vt-chatbot-text { white-space: pre-wrap; }
.vt-chatbot-media { max-width: 100%; max-height: 20em; border-radius: var(--radius-md); }
.vt-chatbot-file { color: var(--link-text-color); }
.vt-chatbot-thought {
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-md);
  background: var(--background-fill-primary); padding: var(--spacing-xs) var(--spacing-md);
}
.vt-chatbot-thought-toggle {
  display: flex; align-items: center; gap: var(--spacing-sm); width: 100%; padding: var(--spacing-xs) 0;
  font: inherit; font-weight: 600; text-align: start; color: var(--body-text-color); background: none; border: none; cursor: pointer;
}
.vt-chatbot-thought-meta { font-weight: normal; color: var(--body-text-color-subdued); }
.vt-chatbot-thought-body { display: flex; flex-direction: column; gap: var(--spacing-sm); padding: var(--spacing-xs) 0 var(--spacing-sm); }
.vt-chatbot-thought-body > .vt-chatbot-thought { margin-inline-start: var(--spacing-md); }
.vt-chatbot-spinner {
  width: 0.9em; height: 0.9em; border: 2px solid var(--border-color-primary); border-top-color: var(--loader-color, var(--color-accent));
  border-radius: 50%; animation: vt-chatbot-spin 0.8s linear infinite;
}
@keyframes vt-chatbot-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .vt-chatbot-spinner { animation: none; } }
.vt-chatbot-actions { display: flex; flex-wrap: wrap; gap: var(--spacing-xxs); }
.vt-chatbot-action {
  min-width: 1.9em; padding: var(--spacing-xxs) var(--spacing-sm); font: inherit; font-size: var(--text-sm);
  color: var(--body-text-color); background: var(--background-fill-primary);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer;
}
.vt-chatbot-action:hover { background: var(--background-fill-secondary); }
.vt-chatbot-action[aria-pressed="true"] { border-color: var(--color-accent); background: var(--color-accent-soft); }
.vt-chatbot-action:focus-visible, .vt-chatbot-example:focus-visible, .vt-chatbot-thought-toggle:focus-visible {
  outline: 2px solid var(--color-accent); outline-offset: 1px;
}
.vt-chatbot-options { display: flex; flex-wrap: wrap; gap: var(--spacing-sm); }
.vt-chatbot-editor { display: flex; flex-direction: column; gap: var(--spacing-xs); min-width: 16em; }
.vt-chatbot-editor textarea {
  font: inherit; color: var(--body-text-color); background: var(--input-background-fill);
  border: 1px solid var(--input-border-color); border-radius: var(--input-radius); padding: var(--spacing-sm);
}
.vt-chatbot-pending { display: flex; gap: 0.3em; padding: var(--spacing-md) var(--spacing-lg); }
.vt-chatbot-pending span {
  width: 0.45em; height: 0.45em; border-radius: 50%; background: var(--body-text-color-subdued);
  animation: vt-chatbot-dot 1.2s ease-in-out infinite;
}
.vt-chatbot-pending span:nth-child(2) { animation-delay: 0.2s; }
.vt-chatbot-pending span:nth-child(3) { animation-delay: 0.4s; }
@keyframes vt-chatbot-dot { 0%, 80%, 100% { opacity: 0.3; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .vt-chatbot-pending span { animation: none; } }
`;
