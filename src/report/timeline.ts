// A road map's timeline: its dated actions as bars, written as a Mermaid gantt block for the
// Markdown report and drawn as an inline SVG (no script, no external resource) for the HTML one.
import { firstDay, isCalendarDate, lastDay } from '../calendar/dates.js';
import { isOverdue } from '../calendar/overdue.js';
import { escapeHtml, mermaidText } from './markdown.js';

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'postponed' | 'cancelled' | 'not-recorded';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress', 'done', 'postponed', 'cancelled', 'not-recorded'];

export interface TimelineBar {
  /** The action's number in its road map, the same in the action table, the chart and its legend. */
  number: number;
  /** Plain text (not escaped): the action's title. */
  label: string;
  /** Plain text: the objective or group the action belongs to. */
  group: string;
  /** YYYY-MM-DD, first day. */
  start: string;
  /** YYYY-MM-DD, last day. */
  end: string;
  status: ActionStatus;
  overdue: boolean;
  /** Only one date was known: drawn as a point. */
  milestone: boolean;
}

export interface Timeline {
  /** Stable id inside one report (`t1`, `t2`), written in the Mermaid block so HTML can find it. */
  id: string;
  /** Plain text title. */
  title: string;
  bars: TimelineBar[];
  today: string;
}

export interface TimelineAction {
  /** The action's number in its road map (1-based); its place in the list when not given. */
  number?: number;
  title: string;
  group: string;
  start?: string;
  end?: string;
  status?: string;
}

/** The bars of the actions that have at least one valid date; the others are returned as undated. */
export function buildTimeline(id: string, title: string, actions: readonly TimelineAction[], today: string): { timeline: Timeline; undated: TimelineAction[] } {
  const bars: TimelineBar[] = [];
  const undated: TimelineAction[] = [];
  for (const [index, action] of actions.entries()) {
    const start = action.start && isCalendarDate(action.start) ? firstDay(action.start) : undefined;
    const end = action.end && isCalendarDate(action.end) ? lastDay(action.end) : undefined;
    if (!start && !end) {
      undated.push(action);
      continue;
    }
    const status = (ACTION_STATUSES as readonly string[]).includes(action.status ?? '') ? (action.status as ActionStatus) : 'planned';
    const from = start ?? end!;
    const to = end ?? start!;
    bars.push({
      number: action.number ?? index + 1,
      label: action.title,
      group: action.group,
      start: from <= to ? from : to,
      end: from <= to ? to : from,
      status,
      overdue: isOverdue(action.end, status, today),
      milestone: !start || !end,
    });
  }
  return { timeline: { id, title, bars, today }, undated };
}

/** The first line of every Mermaid block lamd writes; the HTML renderer looks timelines up by it. */
export const TIMELINE_MARKER = '%% lamd-timeline ';

const MERMAID_TAG: Record<ActionStatus, string> = { done: 'done, ', 'in-progress': 'active, ', planned: '', postponed: '', cancelled: '', 'not-recorded': '' };

/**
 * A bar's label in the gantt source: its number, then its title. Mermaid's gantt lexer tries its
 * keywords (`call`, `click`, `gantt`, `title`, `section`, `includes`, `excludes`, `dateFormat`,
 * `topAxis`, `weekday monday`, …) and a `YYYY-MM-DD` date at the start of every line, case-insensitively,
 * before it takes the line as a task: a title such as "Call the council" or "Includes translation"
 * would break the chart or lose its bar. No keyword and no date starts with a number and a full stop,
 * so `3. Includes translation` is always a task.
 */
export function mermaidTaskLabel(number: number, title: string): string {
  return `${number}. ${mermaidText(title)}`.trimEnd();
}

/** The Mermaid gantt source, one line per item (no newlines inside a line). */
export function mermaidLines(timeline: Timeline, labels: { section: (group: string) => string }): string[] {
  const lines = [`${TIMELINE_MARKER}${timeline.id}`, 'gantt', `    title ${mermaidText(timeline.title, 80) || '-'}`, '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m'];
  let group: string | undefined;
  timeline.bars.forEach((bar) => {
    if (bar.group !== group) {
      group = bar.group;
      lines.push(`    section ${mermaidText(labels.section(group)) || '-'}`);
    }
    const tags = `${bar.overdue ? 'crit, ' : ''}${bar.milestone ? 'milestone, ' : MERMAID_TAG[bar.status]}`;
    lines.push(`    ${mermaidTaskLabel(bar.number, bar.label)} :${tags}a${bar.number}, ${bar.start}, ${bar.milestone ? '0d' : bar.end}`);
  });
  return lines;
}

export interface SvgLabels {
  /** The caption for accessibility: what the figure shows. */
  title: string;
  today: string;
  status: Record<ActionStatus, string>;
  overdue: string;
  /** The legend's word for an action with one date only. */
  milestone?: string;
  /** Formats a bar's dates for its tooltip. */
  span: (bar: TimelineBar) => string;
  /** A group heading shown above its bars when the timeline has more than one group. */
  section: (group: string) => string;
}

/**
 * How each status is drawn: colour and outline, so that no two statuses look alike even printed in
 * black and white. Planned is an empty outline (nothing has happened yet); cancelled is pale grey,
 * dashed and struck through; postponed is amber with a dotted outline; not recorded is pale violet
 * with a long dash.
 */
const STYLE: Record<ActionStatus, { fill: string; stroke: string; dash?: string; strike?: boolean }> = {
  done: { fill: '#2e7d32', stroke: '#1b5e20' },
  'in-progress': { fill: '#1565c0', stroke: '#0d47a1' },
  planned: { fill: '#ffffff', stroke: '#546e7a' },
  postponed: { fill: '#f9a825', stroke: '#8d6e00', dash: '2 2' },
  cancelled: { fill: '#e0e0e0', stroke: '#9e9e9e', dash: '4 2', strike: true },
  // Not recorded: hatched-looking pale violet with a long dash, unlike every status the sources give.
  'not-recorded': { fill: '#ede7f6', stroke: '#5e35b1', dash: '6 3' },
};
const OVERDUE = '#c62828';

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Font size of tick labels (svg.timeline text.tick in style.ts), in px. */
const TICK_FONT = 12;
/** Least space between two tick labels, in px. */
const TICK_GAP = 8;
/** Font size of action labels (svg.timeline text in style.ts), in px. */
const LABEL_FONT = 13;

/**
 * A generous estimate of the width of a tick label in px: no font metrics without a browser, so each
 * character counts as 0.62 em (wider than the average Latin or Arabic letter in system fonts).
 */
export function tickLabelWidth(text: string): number {
  return [...text].length * TICK_FONT * 0.62;
}

/**
 * Splits a label into lines of at most `max` characters, between words only: a word is never cut,
 * and one longer than a line stands on a line of its own.
 */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (word === '') continue;
    if (line === '') line = word;
    else if ([...line].length + 1 + [...word].length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function barShape(bar: TimelineBar, x0: number, x1: number, y: number, height: number): string {
  const style = STYLE[bar.status];
  const stroke = bar.overdue ? OVERDUE : style.stroke;
  const width = bar.overdue ? 2.5 : 1.5;
  const dash = bar.overdue ? ' stroke-dasharray="5 2"' : style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  if (bar.milestone) {
    const h = height / 2;
    return `<path class="bar" d="M${x0.toFixed(1)} ${y} l${h} ${h} l${-h} ${h} l${-h} ${-h} z" fill="${style.fill}" stroke="${stroke}" stroke-width="${width}"${dash}/>`;
  }
  const w = Math.max(3, x1 - x0);
  const strike = style.strike ? `<line x1="${x0.toFixed(1)}" y1="${(y + height / 2).toFixed(1)}" x2="${(x0 + w).toFixed(1)}" y2="${(y + height / 2).toFixed(1)}" stroke="#616161" stroke-width="1.5"/>` : '';
  return `<rect class="bar" x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${height}" rx="3" fill="${style.fill}" stroke="${stroke}" stroke-width="${width}"${dash}/>${strike}`;
}

/**
 * An inline SVG drawing of the timeline, sized to print legibly on A4 or Letter (720 units wide,
 * about the printed width, so 13-unit text prints near 9 pt): one row per action, its number and
 * whole title wrapped in the left column, the same number beside its bar; months (or years) with
 * their year along the top, in the report's language; a legend of every mark the drawing uses.
 */
/** The drawing's fixed geometry, in SVG units. */
const SVG = { width: 720, labelWidth: 250, lineHeight: 16, top: 34 } as const;
const PLOT_LEFT = SVG.labelWidth + 14;
const PLOT_WIDTH = SVG.width - PLOT_LEFT - 26;

export function timelineSvg(timeline: Timeline, locale: string, labels: SvgLabels): string {
  const scale = timeScale(timeline);
  const { rows, bottom } = actionRows(timeline, labels, scale.x);
  const now = time(timeline.today);
  const showToday = now >= scale.min && now <= scale.max;
  const today = showToday ? `<line x1="${scale.x(now).toFixed(1)}" y1="${SVG.top - 6}" x2="${scale.x(now).toFixed(1)}" y2="${bottom}" class="today"/>` : '';
  const { legend, height } = legendItems(timeline, labels, showToday, bottom);
  const width = SVG.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-label="${escapeHtml(labels.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" direction="ltr">`,
    `<title>${escapeHtml(labels.title)}</title>`,
    ...axisTicks(scale, locale, bottom),
    today,
    ...rows,
    `<g class="legend">${legend.join('')}</g>`,
    '</svg>',
  ].join('');
}

interface TimeScale {
  min: number;
  max: number;
  /** The x coordinate of a time (ms). */
  x: (t: number) => number;
}

/** The span the drawing shows: from the first start to the last end, at least thirty days. */
function timeScale(timeline: Timeline): TimeScale {
  const starts = timeline.bars.map((b) => time(b.start));
  const ends = timeline.bars.map((b) => time(b.end) + DAY);
  let min = Math.min(...starts);
  let max = Math.max(...ends);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = time(timeline.today);
    max = min + 30 * DAY;
  }
  if (max - min < 30 * DAY) max = min + 30 * DAY;
  return { min, max, x: (t: number) => PLOT_LEFT + ((t - min) / (max - min)) * PLOT_WIDTH };
}

/** One row per action (its label wrapped, its bar, its number), under a heading per objective when there are several. */
function actionRows(timeline: Timeline, labels: SvgLabels, x: (t: number) => number): { rows: string[]; bottom: number } {
  const { width, lineHeight } = SVG;
  const groups = new Set(timeline.bars.map((b) => b.group)).size > 1;
  // Characters per label line: a generous 0.56 em per character of 13-unit text.
  const perLine = Math.floor((SVG.labelWidth - (groups ? 20 : 8)) / (LABEL_FONT * 0.56));
  const rows: string[] = [];
  let y: number = SVG.top;
  let group: string | undefined;
  for (const bar of timeline.bars) {
    if (groups && bar.group !== group) {
      group = bar.group;
      const heading = wrapWords(labels.section(group), perLine + 2);
      rows.push(`<text class="group" x="8" y="${y + 14}">${heading.map((line, i) => `<tspan x="8" dy="${i === 0 ? 0 : lineHeight}">${escapeHtml(line)}</tspan>`).join('')}</text>`);
      y += heading.length * lineHeight + 8;
    }
    const lines = wrapWords(`${bar.number}. ${bar.label}`, perLine);
    const rowHeight = Math.max(26, lines.length * lineHeight + 10);
    const status = labels.status[bar.status];
    const tip = `${bar.number}. ${bar.label} — ${labels.span(bar)} — ${status}${bar.overdue ? ` — ${labels.overdue}` : ''}`;
    const x0 = x(time(bar.start));
    const x1 = x(time(bar.end) + DAY);
    const barY = y + (rowHeight - 16) / 2;
    const labelX = groups ? 20 : 8;
    const text = `<text class="label" x="${labelX}" y="${y + 5 + LABEL_FONT}">${lines.map((line, i) => `<tspan x="${labelX}" dy="${i === 0 ? 0 : lineHeight}">${escapeHtml(line)}</tspan>`).join('')}</text>`;
    // The number again beside the bar (after it, or before it when the bar reaches the right edge).
    const after = (bar.milestone ? x0 + 10 : x1) + 4;
    const number = after + 20 <= width
      ? `<text class="bar-number" x="${after.toFixed(1)}" y="${barY + 12.5}">${bar.number}</text>`
      : `<text class="bar-number" x="${(x0 - (bar.milestone ? 10 : 0) - 4).toFixed(1)}" y="${barY + 12.5}" text-anchor="end">${bar.number}</text>`;
    rows.push(`<g data-action="${bar.number}"><title>${escapeHtml(tip)}</title>${text}${barShape(bar, x0, x1, barY, 16)}${number}</g>`);
    y += rowHeight;
  }
  return { rows, bottom: y };
}

/**
 * Ticks: every month with its year for a timeline shorter than two years, else every year. Every
 * tick keeps its grid line; labels are spaced by an estimate of their width, so long month names
 * never run into each other: every n-th label is drawn, n the same along the whole axis.
 */
function axisTicks({ min, max, x }: TimeScale, locale: string, bottom: number): string[] {
  const { width, top } = SVG;
  const short = max - min < 730 * DAY;
  const format = new Intl.DateTimeFormat(locale, short ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' });
  const first = new Date(min);
  const tickTimes: number[] = [];
  let tick = short ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) : Date.UTC(first.getUTCFullYear(), 0, 1);
  let guard = 0;
  while (tick <= max && guard++ < 400) {
    if (tick >= min) tickTimes.push(tick);
    const d = new Date(tick);
    tick = short ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
  const tickLabels = tickTimes.map((t) => format.format(t));
  const widest = Math.max(0, ...tickLabels.map(tickLabelWidth));
  const closest = Math.min(Infinity, ...tickTimes.slice(1).map((t, i) => x(t) - x(tickTimes[i]!)));
  const every = Number.isFinite(closest) && closest > 0 ? Math.max(1, Math.ceil((widest + TICK_GAP) / closest)) : 1;
  const ticks: string[] = [];
  let labelEnd = -Infinity;
  tickTimes.forEach((t, i) => {
    const tx = x(t);
    const text = tickLabels[i]!;
    const lx = tx + 3;
    const fits = i % every === 0 && lx >= labelEnd + TICK_GAP && lx + tickLabelWidth(text) <= width;
    // A label that would run into the previous one, or off the drawing, keeps its grid line but not its text.
    const label = fits ? `<text class="tick" x="${lx.toFixed(1)}" y="${top - 12}">${escapeHtml(text)}</text>` : '';
    if (fits) labelEnd = lx + tickLabelWidth(text);
    ticks.push(`<line x1="${tx.toFixed(1)}" y1="${top - 6}" x2="${tx.toFixed(1)}" y2="${bottom}" class="grid"/>${label}`);
  });
  return ticks;
}

/** The legend: every status drawn, then overdue, one-date actions and today when the drawing has them. */
function legendItems(timeline: Timeline, labels: SvgLabels, showToday: boolean, bottom: number): { legend: string[]; height: number } {
  const used = ([...new Set(timeline.bars.map((b) => b.status))] as ActionStatus[]).sort((a, b) => ACTION_STATUSES.indexOf(a) - ACTION_STATUSES.indexOf(b));
  const sample = (status: ActionStatus, overdue: boolean, milestone: boolean): TimelineBar => ({ number: 0, label: '', group: '', start: '', end: '', status, overdue, milestone });
  const entries: { mark: (lx: number, ly: number) => string; text: string }[] = used.map((s) => ({ mark: (lx, ly) => barShape(sample(s, false, false), lx, lx + 22, ly, 12), text: labels.status[s] }));
  if (timeline.bars.some((b) => b.overdue)) entries.push({ mark: (lx, ly) => barShape(sample('in-progress', true, false), lx, lx + 22, ly, 12), text: labels.overdue });
  if (labels.milestone && timeline.bars.some((b) => b.milestone)) entries.push({ mark: (lx, ly) => barShape(sample(used[0] ?? 'planned', false, true), lx + 8, lx, ly, 12), text: labels.milestone! });
  if (showToday) entries.push({ mark: (lx, ly) => `<line x1="${lx + 11}" y1="${ly - 2}" x2="${lx + 11}" y2="${ly + 14}" class="today"/>`, text: labels.today });
  const legend: string[] = [];
  let lx = 8;
  let ly = bottom + 16;
  for (const entry of entries) {
    const itemWidth = 30 + [...entry.text].length * 7.5 + 18;
    if (lx + itemWidth > SVG.width && lx > 8) {
      lx = 8;
      ly += 22;
    }
    legend.push(`<g class="legend-item">${entry.mark(lx, ly)}<text class="legend" x="${lx + 30}" y="${ly + 10.5}">${escapeHtml(entry.text)}</text></g>`);
    lx += itemWidth;
  }
  return { legend, height: ly + 24 };
}
