// A road map's timeline: its dated actions as bars, written as a Mermaid gantt block for the
// Markdown report and drawn as an inline SVG (no script, no external resource) for the HTML one.
import { firstDay, isCalendarDate, lastDay } from '../check/dates.js';
import { escapeHtml, mermaidText } from './markdown.js';

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'postponed' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress', 'done', 'postponed', 'cancelled'];

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
      overdue: end !== undefined && end < today && status !== 'done' && status !== 'cancelled',
      milestone: !start || !end,
    });
  }
  return { timeline: { id, title, bars, today }, undated };
}

/** The first line of every Mermaid block lamd writes; the HTML renderer looks timelines up by it. */
export const TIMELINE_MARKER = '%% lamd-timeline ';

const MERMAID_TAG: Record<ActionStatus, string> = { done: 'done, ', 'in-progress': 'active, ', planned: '', postponed: '', cancelled: '' };

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
  /** Formats a bar's dates for its tooltip. */
  span: (bar: TimelineBar) => string;
  /** A group heading shown above its bars when the timeline has more than one group. */
  section: (group: string) => string;
}

const FILL: Record<ActionStatus, string> = {
  done: '#2e7d32',
  'in-progress': '#1565c0',
  planned: '#78909c',
  postponed: '#f9a825',
  cancelled: '#bdbdbd',
};

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Font size of tick labels (svg.timeline text.tick in style.ts), in px. */
const TICK_FONT = 11;
/** Least space between two tick labels, in px. */
const TICK_GAP = 8;

/**
 * A generous estimate of the width of a tick label in px: no font metrics without a browser, so each
 * character counts as 0.62 em (wider than the average Latin or Arabic letter in system fonts).
 */
export function tickLabelWidth(text: string): number {
  return [...text].length * TICK_FONT * 0.62;
}

/** An inline SVG drawing of the timeline: one row per action, years (or months) along the top. */
export function timelineSvg(timeline: Timeline, locale: string, labels: SvgLabels): string {
  const width = 960;
  const labelWidth = 300;
  const plotLeft = labelWidth + 10;
  const plotWidth = width - plotLeft - 20;
  const row = 26;
  const top = 34;
  const groups = new Set(timeline.bars.map((b) => b.group)).size > 1;

  const starts = timeline.bars.map((b) => time(b.start));
  const ends = timeline.bars.map((b) => time(b.end) + DAY);
  let min = Math.min(...starts);
  let max = Math.max(...ends);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = time(timeline.today);
    max = min + 30 * DAY;
  }
  if (max - min < 30 * DAY) max = min + 30 * DAY;
  const x = (t: number) => plotLeft + ((t - min) / (max - min)) * plotWidth;

  const rows: string[] = [];
  let y = top;
  let group: string | undefined;
  for (const bar of timeline.bars) {
    if (groups && bar.group !== group) {
      group = bar.group;
      rows.push(`<text class="group" x="8" y="${y + row * 0.65}">${escapeHtml(truncate(labels.section(group), 44))}</text>`);
      y += row;
    }
    const status = labels.status[bar.status];
    const tip = `${bar.label} — ${labels.span(bar)} — ${status}${bar.overdue ? ` — ${labels.overdue}` : ''}`;
    const x0 = x(time(bar.start));
    const x1 = x(time(bar.end) + DAY);
    const shape = bar.milestone
      ? `<path d="M${x0.toFixed(1)} ${y + 4} l8 ${row / 2 - 4} l-8 ${row / 2 - 4} l-8 ${-(row / 2 - 4)} z" fill="${FILL[bar.status]}"${bar.overdue ? ' stroke="#c62828" stroke-width="2"' : ''}/>`
      : `<rect x="${x0.toFixed(1)}" y="${y + 5}" width="${Math.max(2, x1 - x0).toFixed(1)}" height="${row - 10}" rx="3" fill="${FILL[bar.status]}"${bar.overdue ? ' stroke="#c62828" stroke-width="2" stroke-dasharray="4 2"' : ''}/>`;
    rows.push(
      `<g><title>${escapeHtml(tip)}</title><text x="${groups ? 20 : 8}" y="${y + row * 0.65}">${escapeHtml(truncate(bar.label, groups ? 40 : 42))}</text>${shape}</g>`,
    );
    y += row;
  }
  const height = y + 40;

  // Ticks: every year, or every month for a timeline shorter than two years. Every tick keeps its grid
  // line; labels are spaced by an estimate of their width, so long month names (Arabic "سبتمبر 23")
  // never run into each other: every n-th label is drawn, n the same along the whole axis.
  const short = max - min < 730 * DAY;
  const format = new Intl.DateTimeFormat(locale, short ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' });
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
    ticks.push(`<line x1="${tx.toFixed(1)}" y1="${top - 6}" x2="${tx.toFixed(1)}" y2="${y}" class="grid"/>${label}`);
  });
  const now = time(timeline.today);
  const today =
    now >= min && now <= max
      ? `<line x1="${x(now).toFixed(1)}" y1="${top - 6}" x2="${x(now).toFixed(1)}" y2="${y}" class="today"/><text class="today-label" x="${(x(now) + 3).toFixed(1)}" y="${y + 14}">${escapeHtml(labels.today)}</text>`
      : '';

  const used = ([...new Set(timeline.bars.map((b) => b.status))] as ActionStatus[]).sort((a, b) => ACTION_STATUSES.indexOf(a) - ACTION_STATUSES.indexOf(b));
  let lx = 8;
  const legend = used.map((s) => {
    const item = `<rect x="${lx}" y="${height - 18}" width="12" height="12" rx="2" fill="${FILL[s]}"/><text class="legend" x="${lx + 16}" y="${height - 8}">${escapeHtml(labels.status[s])}</text>`;
    lx += 24 + [...labels.status[s]].length * 7;
    return item;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-label="${escapeHtml(labels.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" direction="ltr">`,
    `<title>${escapeHtml(labels.title)}</title>`,
    ...ticks,
    ...rows,
    today,
    ...legend,
    '</svg>',
  ].join('');
}
