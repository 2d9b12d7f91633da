/**
 * The Markdown view's own stylesheet: code blocks with their copy button, header links, and
 * highlight.js token colours, all from the theme's CSS variables (so light and dark follow the theme).
 * Each token colour is the theme's hue mixed with its body text colour, which keeps it readable
 * (WCAG AA, 4.5:1) on the code background in the light and dark modes.
 */
export const markdownStyle = `
.vt-markdown-field { position: relative; }
.vt-markdown-scroll { overflow-y: auto; }
.vt-markdown-padded { padding: var(--block-padding, var(--spacing-lg)); }
.vt-markdown-copy-all { position: absolute; top: 0; inset-inline-end: 0; z-index: 1; }
.vt-markdown .vt-code-block { position: relative; }
.vt-markdown .vt-copy-code, .vt-markdown-copy-all {
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color);
  background: var(--background-fill-primary); border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-sm); padding: var(--spacing-xxs) var(--spacing-sm); cursor: pointer;
}
.vt-markdown .vt-copy-code { position: absolute; top: var(--spacing-sm); inset-inline-end: var(--spacing-sm); }
.vt-markdown .vt-header-link {
  margin-inline-start: var(--spacing-sm); color: var(--body-text-color-subdued); text-decoration: none; opacity: 0;
}
.vt-markdown :is(h1, h2, h3, h4, h5, h6):hover .vt-header-link, .vt-markdown .vt-header-link:focus-visible { opacity: 1; }
.vt-markdown .hljs-comment, .vt-markdown .hljs-quote { color: color-mix(in srgb, var(--body-text-color-subdued) 70%, var(--body-text-color)); font-style: italic; }
.vt-markdown :is(.hljs-keyword, .hljs-selector-tag, .hljs-doctag, .hljs-meta .hljs-keyword) { color: color-mix(in srgb, var(--color-accent) 60%, var(--body-text-color)); }
.vt-markdown :is(.hljs-string, .hljs-regexp, .hljs-addition, .hljs-meta .hljs-string) { color: color-mix(in srgb, var(--vt-success-color) 60%, var(--body-text-color)); }
.vt-markdown :is(.hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet, .hljs-variable.language_) { color: color-mix(in srgb, var(--vt-warning-color) 60%, var(--body-text-color)); }
.vt-markdown :is(.hljs-title, .hljs-section, .hljs-name, .hljs-selector-id, .hljs-selector-class) { color: color-mix(in srgb, var(--link-text-color) 60%, var(--body-text-color)); }
.vt-markdown :is(.hljs-built_in, .hljs-type, .hljs-class .hljs-title, .hljs-title.class_) { color: color-mix(in srgb, var(--vt-info-color) 60%, var(--body-text-color)); }
.vt-markdown :is(.hljs-attr, .hljs-attribute, .hljs-property, .hljs-params, .hljs-template-variable, .hljs-variable) { color: var(--body-text-color); }
.vt-markdown :is(.hljs-meta, .hljs-deletion, .hljs-tag) { color: color-mix(in srgb, var(--error-text-color) 60%, var(--body-text-color)); }
.vt-markdown .hljs-emphasis { font-style: italic; }
.vt-markdown .hljs-strong { font-weight: bold; }
`;
