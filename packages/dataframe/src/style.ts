/** The Dataframe view's CSS: theme variables only. */
export const dataframeStyle = `
.vt-dataframe { display: flex; flex-direction: column; gap: var(--spacing-sm); min-width: 0; }
.vt-df-header { display: flex; justify-content: space-between; align-items: center; gap: var(--spacing-md); flex-wrap: wrap; }
.vt-df-toolbar { display: flex; align-items: center; gap: var(--spacing-sm); flex-wrap: wrap; }
.vt-df-toolbar .vt-button, .vt-df-actions .vt-button { width: auto; }
.vt-df-search { width: auto; min-width: 12em; }
.vt-df-filter-col { width: auto; }
.vt-df-scroll { position: relative; overflow: auto; border: 1px solid var(--table-border-color, var(--border-color-primary)); border-radius: var(--table-radius, var(--radius-md)); background: var(--table-even-background-fill, var(--background-fill-primary)); }
.vt-df-table { border-collapse: separate; border-spacing: 0; min-width: 100%; font-size: var(--text-sm); color: var(--table-text-color, var(--body-text-color)); font-family: var(--font); }
.vt-df-table.vt-df-fixed { table-layout: fixed; width: max-content; min-width: 100%; }
.vt-df-table:focus-visible { outline: 2px solid var(--color-accent); outline-offset: -2px; }
.vt-df-table thead th { position: sticky; top: 0; z-index: 2; background: var(--table-odd-background-fill, var(--background-fill-secondary)); border-bottom: 1px solid var(--table-border-color, var(--border-color-primary)); text-align: left; font-weight: 600; padding: 0; white-space: nowrap; }
.vt-df-table thead th.vt-df-pinned { z-index: 3; }
.vt-df-sort { display: flex; align-items: center; justify-content: space-between; gap: var(--spacing-sm); width: 100%; padding: var(--spacing-sm) var(--spacing-md); background: none; border: none; color: inherit; font: inherit; cursor: pointer; text-align: inherit; }
.vt-df-sort-mark { color: var(--body-text-color-subdued); font-size: 0.8em; }
.vt-df-table th[aria-sort="ascending"] .vt-df-sort-mark, .vt-df-table th[aria-sort="descending"] .vt-df-sort-mark { color: var(--color-accent); }
.vt-df-cell, .vt-df-rownum { height: ${36}px; box-sizing: border-box; padding: var(--spacing-sm) var(--spacing-md); border-bottom: 1px solid var(--table-border-color, var(--border-color-primary)); border-right: 1px solid var(--table-border-color, var(--border-color-primary)); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 40em; vertical-align: top; }
.vt-df-fixed .vt-df-cell { max-width: none; }
.vt-df-wrap .vt-df-cell { white-space: normal; overflow-wrap: anywhere; height: auto; min-height: 36px; }
.vt-df-odd > td, .vt-df-odd > th { background: var(--table-odd-background-fill, var(--background-fill-secondary)); }
.vt-df-even > td, .vt-df-even > th { background: var(--table-even-background-fill, var(--background-fill-primary)); }
.vt-df-pinned { position: sticky; z-index: 1; }
.vt-df-rownum { color: var(--body-text-color-subdued); text-align: right; font-weight: normal; width: 3.5em; min-width: 3.5em; }
.vt-df-number { text-align: right; font-variant-numeric: tabular-nums; }
.vt-df-head.vt-df-number .vt-df-sort { flex-direction: row-reverse; }
.vt-df-bool { text-align: center; }
.vt-df-cell { user-select: none; }
.vt-df-cell.vt-df-in-range { background: var(--color-accent-soft, var(--background-fill-secondary)); }
.vt-df-cell.vt-df-selected { outline: 2px solid var(--color-accent); outline-offset: -2px; background: var(--table-row-focus, var(--background-fill-secondary)); }
.vt-df-rich p, .vt-df-rich h1, .vt-df-rich h2, .vt-df-rich h3, .vt-df-rich h4, .vt-df-rich ul, .vt-df-rich ol { margin: 0; }
.vt-df-rich h1, .vt-df-rich h2, .vt-df-rich h3 { font-size: 1em; }
.vt-df-rich img { max-height: 1.5em; vertical-align: middle; }
.vt-df-wrap .vt-df-rich img { max-height: none; max-width: 100%; }
.vt-df-rich .katex-display { margin: 0; }
.vt-df-image { display: block; max-height: 4em; max-width: 100%; border-radius: var(--radius-sm); }
.vt-df-wrap .vt-df-image { max-height: none; }
.vt-df-input { width: 100%; min-width: 4em; box-sizing: border-box; font: inherit; color: var(--body-text-color); background: var(--input-background-fill, var(--background-fill-primary)); border: 1px solid var(--color-accent); border-radius: var(--radius-sm); padding: 0 var(--spacing-xs); }
.vt-df-check { accent-color: var(--color-accent); }
.vt-df-spacer td { padding: 0; border: none; }
.vt-df-empty { padding: var(--spacing-lg); color: var(--body-text-color-subdued); text-align: center; }
.vt-df-actions { display: flex; gap: var(--spacing-sm); flex-wrap: wrap; }
.vt-df-fullscreen { position: fixed; inset: 0; z-index: 1000; padding: var(--spacing-lg); background: var(--body-background-fill); }
.vt-df-fullscreen .vt-df-scroll { flex: 1; }
`;
