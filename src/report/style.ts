// The stylesheet inlined into every HTML report: readable on screen and on paper, left-to-right and
// right-to-left (logical properties), with system fonts only. It is part of lamd, not of the
// overridable templates: CSS can fetch (`url()`, `@import`), and a report makes no network request.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2329; --muted: #56616b; --line: #d5dbe0; --head: #eef2f5; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; }
main { max-width: 68rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-block-end: .3rem; border-block-end: 2px solid var(--line); }
h3 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; }
h4 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
p, ul, ol { margin: 0 0 .9rem; }
ul, ol { padding-inline-start: 1.6rem; }
li { margin: .15rem 0; }
a { color: var(--accent); }
hr { border: 0; border-block-start: 1px solid var(--line); margin: 2.5rem 0 1rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
pre { background: var(--head); padding: .75rem 1rem; overflow-x: auto; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.2rem; font-size: .93rem; }
th, td { border: 1px solid var(--line); padding: .4rem .55rem; vertical-align: top; text-align: start; }
th { background: var(--head); font-weight: 600; }
td[align="right"], th[align="right"] { text-align: end; }
td[align="center"], th[align="center"] { text-align: center; }
tbody tr:nth-child(even) td { background: #f8fafb; }
.toc { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.2rem; margin: 1.5rem 0 2rem; }
.toc h2 { font-size: 1.1rem; margin: 0 0 .4rem; border: 0; padding: 0; }
.toc ol { margin: 0; padding-inline-start: 1.3rem; }
.toc ol ol { display: block; padding: 0; margin: .1rem 0 .3rem; font-size: .88rem; color: var(--muted); }
.toc ol ol li { display: inline; margin: 0; }
.toc ol ol li + li::before { content: " · "; }
.cover .generated { color: var(--muted); font-size: .9rem; }
.logos { display: flex; flex-wrap: wrap; align-items: center; gap: 1.2rem 2rem; margin: 1.5rem 0; }
.logos img { max-height: 64px; max-width: 200px; object-fit: contain; }
.logos-foot img { max-height: 36px; max-width: 140px; }
figure.timeline { margin: 1rem 0 1.5rem; overflow-x: auto; }
figure.timeline figcaption { color: var(--muted); font-size: .85rem; margin-block-start: .3rem; }
svg.timeline { display: block; max-width: 100%; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
svg.timeline text { font-size: 13px; fill: var(--ink); }
svg.timeline text.group { font-weight: 600; }
svg.timeline text.bar-number { font-size: 12px; font-weight: 600; }
svg.timeline text.tick, svg.timeline text.legend { font-size: 12px; fill: #3d4852; }
svg.timeline .grid { stroke: #dde2e6; stroke-width: 1; }
svg.timeline .today { stroke: #c62828; stroke-width: 1.5; stroke-dasharray: 4 3; }
@media (max-width: 40rem) { main { padding: 1rem .8rem 3rem; } table { font-size: .85rem; } }
@media print {
  body { font-size: 10pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]:not(.bare)::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
  /* The cover is a page of its own, its title a third of the way down. */
  .cover { break-after: page; padding-block-start: 60mm; }
  .cover h1 { font-size: 24pt; }
  .toc { background: none; border: 0; padding: 0; }
  h2 { margin-block-start: 1.6rem; }
  h1, h2, h3, h4 { break-after: avoid; }
  /* Tables break between rows, never inside one, and repeat their header on every page. */
  tr, figure, li { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .35rem; overflow-wrap: break-word; hyphens: auto; }
  tbody tr:nth-child(even) td, th { background: none; }
  th { border-block-end: 1.5px solid var(--muted); }
  /* Printed at the width of the text block, so the drawing's 13-unit text prints near 9 pt. */
  svg.timeline { width: 100%; max-height: 240mm; }
}
`;
