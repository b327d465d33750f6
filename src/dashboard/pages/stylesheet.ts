/**
 * The dashboard's one stylesheet, served as a file (the CSP allows styles from our own origin only).
 * Logical properties (inline-start/end) so Arabic mirrors by itself; every text/background pair here has a
 * contrast of at least 4.5:1 (WCAG AA), and a visible focus ring.
 */
export const DASHBOARD_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c9ced6; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -9999px; }
.skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.5rem; border-block-end: 1px solid var(--line); }
.brand { margin: 0; font-weight: 700; }
nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
header form { margin-inline-start: auto; }
button { font: inherit; padding: .25rem .75rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); border-radius: 4px; cursor: pointer; }
main { padding: 1rem 1.5rem 3rem; max-width: 70rem; }
table { border-collapse: collapse; margin-block: 1rem; }
caption { caption-side: top; text-align: start; color: var(--muted); padding-block-end: .5rem; }
th, td { padding: .5rem .75rem; border: 1px solid var(--line); text-align: start; }
td.num, td.heat { text-align: center; font-variant-numeric: tabular-nums; }
th.other { font-style: italic; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-scroll:focus-visible { outline: 2px solid var(--accent); }
table.heatmap thead th { max-width: 7rem; font-size: .875rem; vertical-align: bottom; }
table.heatmap td.heat { min-width: 3rem; padding-inline: .5rem; }
.heat-0 { background: #fbd9c9; color: #1a1a1a; }
.heat-1 { background: #fdeccd; color: #1a1a1a; }
.heat-2 { background: #e3eef7; color: #1a1a1a; }
.heat-3 { background: #8dbbe0; color: #0b1f33; }
.heat-4 { background: #1f5f99; color: #ffffff; }
.heat-none { background: #f2f2f2; color: #444444; }
.rule, .unanswered { color: var(--muted); max-width: 48rem; }
img.chart { max-width: 100%; height: auto; border: 1px solid var(--line); }
figure { margin: 0; }
.actions li, .kudos li { margin-block: .25rem; }
.action-state, .kudos-date { color: var(--muted); }
`;
