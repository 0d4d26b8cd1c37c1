/**
 * The timeline of one sample replication: a lane per aircraft showing each sortie's phases
 * (clearance wait, flying, ramp wait, loading), and below it the ramp occupancy of that run.
 */
import type { Summary } from '../../sim/batch/types.ts';
import type { SortieRecord } from '../../sim/model/types.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { PHASES, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, rangedX, topLevel } from '../theme.ts';
import { DAY_MS, HOUR_MS, dayLabel, dayTimeLabel, isoMinute } from '../time.ts';
import { OWNERS, OWNER_COLOR } from './ramp.ts';

const LANE_PX = 18;
const phaseLabel = (key: (typeof PHASES)[number]['key']): string => PHASES.find((p) => p.key === key)!.label;

interface Segment {
  aircraft: string;
  phase: string;
  from: string;
  to: string;
  base: string;
  when: string;
  hours: string;
  load: string;
}

/** The Gantt chart of the sample replication with its daily ramp occupancy underneath. */
export function ganttSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = `One sample run (replication ${summary.sample.replication}): every sortie, aircraft by aircraft`;
  const sorties = summary.sample.sorties;
  if (sorties.length === 0) return emptyChart(title, 'The sample run flew no sortie.');
  const segments = sorties.flatMap((s, i) => sortieSegments(s, i, facts, summary));
  const lanes = laneOrder(sorties);
  const ends = segments.map((s) => Date.parse(s.to));
  const lo = facts.startMs;
  const hi = Math.max(facts.deadlineMs, ...ends) + 2 * DAY_MS;
  const x = { field: 'from', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi) };
  const gantt: Layer = {
    width: PLOT_WIDTH,
    height: { step: LANE_PX },
    layer: [
      {
        data: { values: segments },
        // Drag to pan, scroll to zoom along time: a sortie is a few pixels wide at full span.
        params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }],
        mark: { type: 'bar', height: LANE_PX - 5 },
        encoding: {
          x: rangedX(x),
          x2: { field: 'to' },
          y: { field: 'aircraft', type: 'nominal', sort: lanes, axis: { title: 'Aircraft', labelLimit: 160 } },
          color: {
            field: 'phase',
            type: 'nominal',
            scale: { domain: PHASES.slice(0, 4).map((p) => p.label), range: PHASES.slice(0, 4).map((p) => p.color) },
            legend: { title: null },
          },
          tooltip: [
            { field: 'aircraft', title: 'Aircraft' },
            { field: 'base', title: 'Base' },
            { field: 'phase', title: 'Phase' },
            { field: 'when', title: 'When (UTC)' },
            { field: 'hours', title: 'Hours' },
            { field: 'load', title: 'Load' },
          ],
        },
      },
      ...deadlineLayers(facts.deadlineMs, x),
    ],
  };
  const rampPanels = facts.baseIds
    .filter((id) => summary.sample.daily.some((d) => d.base === id))
    .map((id, i): Layer => {
      const values = summary.sample.daily
        .filter((d) => d.base === id)
        .flatMap((d) => {
          const t = facts.startMs + d.day * DAY_MS;
          const from = isoMinute(t);
          const day = dayLabel(t);
          return [
            { from, day, owner: OWNERS[0], n: d.usOnRamp, order: 0 },
            { from, day, owner: OWNERS[1], n: d.ruOnRamp, order: 1 },
          ];
        });
      return {
        width: PLOT_WIDTH,
        height: 60,
        title: { text: `Ramp at ${baseLabel(summary, id)} in this run`, fontSize: 12, fontWeight: 500 },
        data: { values },
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
        encoding: {
          x: { ...x, axis: { ...x.axis, title: null } },
          y: { field: 'n', type: 'quantitative', stack: 'zero', axis: { title: 'Aircraft', tickCount: 3 } },
          order: { field: 'order', type: 'quantitative' },
          // One legend for all the ramp panels, on the first.
          color: i === 0 ? OWNER_COLOR : { ...OWNER_COLOR, legend: null },
          tooltip: [
            { field: 'day', title: 'Day' },
            { field: 'owner', title: 'Aircraft' },
            { field: 'n', title: 'On ramp (daily mean)', format: '.2f' },
          ],
        },
      };
    });
  return topLevel({
    title: { text: title, subtitle: 'One lane per aircraft, coloured by phase; scroll to zoom, drag to pan. Below: that run\'s daily ramp occupancy per base.' },
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
 * A sortie's phases as time segments: clearance wait, flying out, ramp wait, on the ground,
 * flying back. Flying out is approval to arrival over the base; the return takes the rest of
 * `flyingH`. Segments of zero length are dropped.
 */
function sortieSegments(s: SortieRecord, index: number, facts: RunFacts, summary: Summary): Segment[] {
  for (const key of ['requestedH', 'approvedH', 'landedH', 'departedH', 'rampWaitH', 'flyingH'] as const) {
    if (!Number.isFinite(s[key])) throw new Error(`Report: summary.sample.sorties[${index}].${key} must be a number, got ${s[key]}`);
  }
  const arrivedH = Math.max(s.approvedH, s.landedH - s.rampWaitH);
  const outboundH = arrivedH - s.approvedH;
  const backH = Math.max(0, s.flyingH - outboundH);
  const load = [
    s.sensitiveST > 0 ? `${s.sensitiveST} ST sensitive` : '',
    s.equipmentST > 0 ? `${s.equipmentST} ST equipment` : '',
    s.personnel > 0 ? `${s.personnel} personnel` : '',
  ].filter((t) => t !== '').join(', ') || 'empty';
  const base = baseLabel(summary, s.base);
  const parts: Array<[string, number, number]> = [
    [phaseLabel('clearanceWait'), s.requestedH, s.approvedH],
    [phaseLabel('flying'), s.approvedH, arrivedH],
    [phaseLabel('rampWait'), arrivedH, s.landedH],
    [phaseLabel('loading'), s.landedH, s.departedH],
    [phaseLabel('flying'), s.departedH, s.departedH + backH],
  ];
  return parts
    .filter(([, a, b]) => b > a)
    .map(([phase, a, b]) => {
      const from = facts.startMs + a * HOUR_MS;
      const to = facts.startMs + b * HOUR_MS;
      return { aircraft: s.aircraft, phase, from: isoMinute(from), to: isoMinute(to), base, when: `${dayTimeLabel(from)} → ${dayTimeLabel(to)}`, hours: (b - a).toFixed(1), load };
    });
}
