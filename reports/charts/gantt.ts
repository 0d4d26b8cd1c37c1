/**
 * The timeline of one sample replication: a lane per aircraft showing each sortie's phases
 * (clearance wait, flying, ramp spot wait, airfield closed before landing, loading-team wait,
 * loading), and below it the ramp occupancy of that run. Closed hours inside the loading span
 * are drawn inside the loading bar: the summary has their total, not the instants of the nights.
 */
import type { Summary } from '../../sim/batch/types.ts';
import type { SortieRecord } from '../../sim/model/types.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { PHASE_STYLE, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, rangedX, topLevel } from '../theme.ts';
import { DAY_MS, HOUR_MS, isoMinute } from '../time.ts';
import { OWNER_COLOR, OWNER_FOLD, rampScale, spotsRuleLayers } from './ramp.ts';
import { columns } from '../columns.ts';
import { countText } from '../words.ts';
import { clearanceBlockLayers, clearanceBlocks, clearanceBlocksText } from './clearance-blocks.ts';

const LANE_PX = 18;
/** Height of each sample-run ramp panel, px: room for a two-line axis title and the spots' label. */
const SAMPLE_RAMP_PX = 80;
/** The sample-run ramp panels' y scale reaches this much above the busiest day or the spots. */
const HEADROOM = 1.3;
/** What the white between a lane's bars is: an aircraft's time between sorties, which no bar draws. */
const GAP_LABEL = 'No bar: at the hub or down';
/** The phases a sortie's bars show, in flight order. */
const SORTIE_PHASES = (['clearanceWait', 'flying', 'rampWait', 'closedWait', 'teamWait', 'loading'] as const).map((key) => PHASE_STYLE[key]);

/** One sortie as a Gantt row: the instants between its phases (ISO, to the minute) and its load. */
interface SortieRow {
  aircraft: string;
  base: string;
  requested: string;
  approved: string;
  arrived: string;
  /** Ramp spot granted; landing waits for the airfield to open. */
  spot: string;
  landed: string;
  /** A loading team starts work. */
  loading: string;
  departed: string;
  returned: string;
  load: string;
}

/** The bars of a sortie: a phase runs from one instant of the row to the next. */
const BARS: Array<{ phase: keyof typeof PHASE_STYLE; from: keyof SortieRow; to: keyof SortieRow }> = [
  { phase: 'clearanceWait', from: 'requested', to: 'approved' },
  { phase: 'flying', from: 'approved', to: 'arrived' },
  { phase: 'rampWait', from: 'arrived', to: 'spot' },
  { phase: 'closedWait', from: 'spot', to: 'landed' },
  { phase: 'teamWait', from: 'landed', to: 'loading' },
  { phase: 'loading', from: 'loading', to: 'departed' },
  { phase: 'flying', from: 'departed', to: 'returned' },
];

/** The Gantt chart of the sample replication with its daily ramp occupancy underneath. */
export function ganttSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = `One sample run (replication ${summary.sample.replication}): every sortie, aircraft by aircraft`;
  const sorties = summary.sample.sorties;
  if (sorties.length === 0) return emptyChart(title, 'The sample run flew no sortie.');
  // One row per sortie, a bar layer per phase over it: the phase texts and tooltips are computed in the
  // browser, which keeps the report small when the sample run flies hundreds of sorties.
  const rows = sorties.map((s, i) => sortieRow(s, i, facts));
  const lanes = laneOrder(sorties);
  const blocks = clearanceBlocks(summary, facts);
  const lo = facts.startMs;
  const hi = Math.max(facts.deadlineMs, ...rows.map((r) => Date.parse(r.returned))) + 2 * DAY_MS;
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi) };
  const y = { field: 'aircraft', type: 'nominal', sort: lanes, axis: { title: 'Aircraft', labelLimit: 160 } };
  // The gaps between bars get a legend entry of their own (a white swatch, outlined like the
  // others), since a reader cannot otherwise tell time at the hub from time down.
  const color = {
    field: 'phase',
    type: 'nominal',
    scale: { domain: [...SORTIE_PHASES.map((p) => p.label), GAP_LABEL], range: [...SORTIE_PHASES.map((p) => p.color), '#ffffff'] },
    legend: { title: null, symbolStrokeColor: '#9a9a9a', symbolStrokeWidth: 1, columns: 4 },
  };
  const when = (f: string): string => `utcFormat(toDate(datum.${f}), '%-d %b %H:%M')`;
  const bars = BARS.map(
    (b, i): Layer => ({
      data: { name: 'sorties' },
      transform: [
        { filter: `time(toDate(datum.${b.to})) > time(toDate(datum.${b.from}))` },
        { calculate: JSON.stringify(PHASE_STYLE[b.phase].label), as: 'phase' },
        { calculate: `${when(b.from)} + ' → ' + ${when(b.to)}`, as: 'when' },
        { calculate: `format((time(toDate(datum.${b.to})) - time(toDate(datum.${b.from}))) / 3600000, '.1f')`, as: 'hours' },
      ],
      // Drag to pan, scroll to zoom along time: a sortie is a few pixels wide at full span.
      ...(i === 0 ? { params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }] } : {}),
      mark: { type: 'bar', height: LANE_PX - 5 },
      encoding: {
        x: rangedX({ ...x, field: b.from }),
        x2: { field: b.to },
        y,
        color,
        tooltip: [
          { field: 'aircraft', title: 'Aircraft' },
          { field: 'base', title: 'Base' },
          { field: 'phase', title: 'Phase' },
          { field: 'when', title: 'When (UTC)' },
          { field: 'hours', title: 'Hours' },
          { field: 'load', title: 'Load' },
        ],
      },
    }),
  );
  const gantt: Layer = {
    width: PLOT_WIDTH,
    height: { step: LANE_PX },
    // Lanes fill the plot, so the deadline's label sits above it.
    // The bands are unlabelled here (the lanes fill the plot): the subtitle names them.
    layer: [...clearanceBlockLayers(blocks, x, 'none').under, ...bars, ...deadlineLayers(facts.deadlineMs, x, '', 'above')],
  };
  const rampPanels = facts.baseIds
    .filter((id) => summary.sample.daily.some((d) => d.base === id))
    .map((id, i): Layer => {
      const daily = summary.sample.daily.filter((d) => d.base === id);
      const cols = columns(
        daily.map((d) => ({ date: isoMinute(facts.startMs + d.day * DAY_MS), us: d.usOnRamp, ru: d.ruOnRamp })),
        ['date', 'us', 'ru'],
        ['date'],
      );
      // The spots come from the batch's ramp data (the sample's daily records do not carry them);
      // the same rule as the ramp chart above says when the line is near enough to draw.
      const spots = Math.max(0, ...summary.ramp.filter((r) => r.base === id).map((r) => r.spots));
      const { top, showSpots } = rampScale(Math.max(0, ...daily.map((d) => d.usOnRamp + d.ruOnRamp)), spots);
      const spotsText = spots > 0 ? ` (${spots} ramp spots${showSpots ? '' : ', far above this scale'})` : '';
      return {
        width: PLOT_WIDTH,
        height: SAMPLE_RAMP_PX,
        title: { text: `Ramp at ${baseLabel(summary, id)} in this run${spotsText}`, fontSize: 12, fontWeight: 500 },
        layer: [
          {
            data: { values: cols.values },
            transform: [...cols.transform, ...OWNER_FOLD, { calculate: "utcFormat(datum.date, '%-d %b %Y')", as: 'day' }],
            mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
            encoding: {
              x: { ...x, axis: { ...x.axis, title: null } },
              // Headroom above the busiest day or the spots, so a full ramp does not run into the panel's top.
              y: { field: 'n', type: 'quantitative', stack: 'zero', scale: { domain: [0, top * HEADROOM], nice: false }, axis: { title: ['Aircraft', '(daily mean)'], tickCount: 3 } },
              order: { field: 'order', type: 'quantitative' },
              // One legend for all the ramp panels, on the first.
              color: i === 0 ? OWNER_COLOR : { ...OWNER_COLOR, legend: null },
              tooltip: [
                { field: 'day', title: 'Day (UTC)' },
                { field: 'owner', title: 'Aircraft' },
                { field: 'n', title: 'On ramp (daily mean)', format: '.2f' },
              ],
            },
          },
          ...(showSpots ? spotsRuleLayers(spots) : []),
        ],
      };
    });
  return topLevel({
    title: {
      text: title,
      subtitle: [
        'One lane per aircraft, coloured by phase; scroll to zoom, drag to pan. Below: that run\'s daily ramp occupancy per base.',
        'White between bars: the aircraft is at the hub (turnaround, crew rest, waiting for ready cargo) or not mission-capable.',
        ...(blocks.length === 0 ? [] : [clearanceBlocksText(blocks)]),
      ],
    },
    datasets: { sorties: rows },
    vconcat: [gantt, ...rampPanels],
    resolve: { scale: { x: 'shared', color: 'independent' }, legend: { color: 'independent' } },
  });
}

/** Aircraft in lane order: by type, then by the number in the name (so "#10" follows "#9"). */
function laneOrder(sorties: SortieRecord[]): string[] {
  const type = new Map<string, string>();
  for (const s of sorties) if (!type.has(s.aircraft)) type.set(s.aircraft, s.type);
  return [...type.keys()].sort(
    (a, b) => (type.get(a)! < type.get(b)! ? -1 : type.get(a)! > type.get(b)! ? 1 : a.localeCompare(b, 'en', { numeric: true })),
  );
}

/**
 * A sortie's row: requested, approved (clearance wait), arrived over the base (flying out),
 * spot granted (ramp spot wait), landed (airfield closed), loading (team wait), departed
 * (loading, with any closed hours inside it), returned (flying back, the rest of `flyingH`).
 * Throws naming the sortie when a time is not a number.
 */
function sortieRow(s: SortieRecord, index: number, facts: RunFacts): SortieRow {
  for (const key of ['requestedH', 'approvedH', 'landedH', 'departedH', 'rampWaitH', 'closedWaitH', 'teamWaitH', 'groundH', 'flyingH'] as const) {
    if (!Number.isFinite(s[key])) throw new Error(`Report: summary.sample.sorties[${index}].${key} must be a number, got ${s[key]}`);
  }
  // Closed hours on the ground are what the ground span holds beyond team wait and work; the
  // rest of closedWaitH was spent holding a spot before landing.
  const loadingH = Math.min(s.departedH, s.landedH + s.teamWaitH);
  const closedOnGround = Math.max(0, s.departedH - loadingH - s.groundH);
  const spotH = Math.max(s.approvedH, s.landedH - Math.max(0, s.closedWaitH - closedOnGround));
  const arrivedH = Math.max(s.approvedH, spotH - s.rampWaitH);
  const backH = Math.max(0, s.flyingH - (arrivedH - s.approvedH));
  const at = (h: number): string => isoMinute(facts.startMs + h * HOUR_MS);
  const load =
    [
      s.sensitiveST > 0 ? `${s.sensitiveST.toFixed(1)} ST sensitive` : '',
      s.equipmentST > 0 ? `${s.equipmentST.toFixed(1)} ST equipment` : '',
      s.personnel > 0 ? `${countText(s.personnel)} personnel` : '',
    ]
      .filter((t) => t !== '')
      .join(', ') || 'empty';
  return {
    aircraft: s.aircraft,
    base: s.base,
    requested: at(s.requestedH),
    approved: at(s.approvedH),
    arrived: at(arrivedH),
    spot: at(spotH),
    landed: at(s.landedH),
    loading: at(loadingH),
    departed: at(s.departedH),
    returned: at(s.departedH + backH),
    load,
  };
}
