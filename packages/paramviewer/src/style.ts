/** The ParamViewer's stylesheet, from the theme's CSS variables only. */
export const paramViewerStyle = `
.vt-paramviewer {
  display: grid; grid-template-rows: auto 1fr; width: 100%; overflow: hidden;
  color: var(--body-text-color); font-family: var(--font);
  background: var(--block-background-fill); border: var(--block-border-width) solid var(--block-border-color);
  border-radius: var(--block-radius); box-shadow: var(--block-shadow);
}
.vt-paramviewer-header {
  display: flex; justify-content: space-between; align-items: center;
  padding: var(--spacing-lg) var(--spacing-xl); border-bottom: 1px solid var(--table-border-color);
}
.vt-paramviewer-title { font-weight: 600; }
.vt-paramviewer-toggle {
  background: none; border: none; cursor: pointer; padding: 0; color: var(--body-text-color);
  font: inherit; font-size: var(--text-sm); opacity: 0.7; transition: transform 0.2s ease;
}
.vt-paramviewer-toggle:hover, .vt-paramviewer-toggle:focus-visible { opacity: 1; }
.vt-paramviewer-toggle[aria-expanded="true"] { transform: rotate(180deg); }
.vt-paramviewer-list { overflow-y: auto; }
.vt-param { border-bottom: 1px solid var(--table-border-color); }
.vt-param:last-child { border-bottom: none; }
.vt-param > summary {
  position: relative; cursor: pointer; list-style: none;
  padding: var(--spacing-lg) var(--spacing-xxl) var(--spacing-lg) var(--spacing-xxl);
  background: var(--table-odd-background-fill);
}
.vt-param > summary::-webkit-details-marker { display: none; }
.vt-param > summary::after {
  content: "▼"; position: absolute; top: 50%; inset-inline-end: var(--spacing-lg);
  transform: translateY(-50%); font-size: 0.7em; opacity: 0.7; transition: transform 0.2s ease;
}
.vt-param[open] > summary::after { transform: translateY(-50%) rotate(180deg); }
.vt-param[open] > summary { border-bottom: 1px solid var(--table-border-color); }
.vt-param code { font-family: var(--font-mono); background: none; }
.vt-param-name { font-weight: 600; }
.vt-param-link {
  position: absolute; inset-inline-start: var(--spacing-sm); top: 50%; transform: translateY(-50%);
  opacity: 0; color: var(--body-text-color); text-decoration: none; font-size: var(--text-sm);
}
.vt-param > summary:hover .vt-param-link, .vt-param-link:focus-visible { opacity: 0.7; }
.vt-param code a { color: var(--link-text-color); text-decoration: underline; }
.vt-param-default {
  padding: var(--spacing-sm) var(--spacing-xl); border-bottom: 1px solid var(--table-border-color);
}
.vt-param-default:last-child { border-bottom: none; }
.vt-param-default-label {
  text-transform: uppercase; font-size: var(--text-xs); font-weight: 600; padding-inline-end: var(--spacing-sm);
}
.vt-param-description { padding: var(--spacing-lg) var(--spacing-xl); font-size: var(--text-sm); }
.vt-param-description > :first-child { margin-top: 0; }
.vt-param-description > :last-child { margin-bottom: 0; }
.vt-param-description a { color: var(--link-text-color); }
`;
