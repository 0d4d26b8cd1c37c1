/**
 * Where aircraft time went: for all bases and for each base, the shares of aircraft time spent
 * waiting for clearance, flying, waiting for a ramp spot, for the airfield to open, for a loading
 * team, loading, waiting for cargo, at the hub and down (theme.ts PHASES).
 *
 * A base's row holds only the time of sorties to that base (from the clearance wait to the hub
 * turnaround after it): repairs and waiting for cargo happen between sorties, at no base, so
 * they are only in "All bases", and a base's shares are of a smaller total. The subtitle says
 * so, or a reader sees every base above "All bases" and down time of zero at each base.
 */
import type { Summary, TimeShares } from '../../sim/batch/types.ts';
import { runsText } from '../words.ts';
import { percent } from '../run-headline.ts';
import type { VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { PHASES, PLOT_WIDTH, topLevel } from '../theme.ts';

/** Horizontal stacked bars of time shares, one bar for all bases and one per base. */
export function timeBudgetSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const rows: Array<[string, TimeShares]> = [
    ['All bases', summary.time],
    ...facts.baseIds.map((id): [string, TimeShares] => [baseLabel(summary, id), summary.bases[id]!.time]),
  ];
  const values = rows.flatMap(([who, shares]) => {
    const total = PHASES.reduce((s, p) => s + (shares[p.key] ?? 0), 0);
    let before = 0;
    return PHASES.map((p, order) => {
      const share = total > 0 ? (shares[p.key] ?? 0) / total : 0;
      const mid = before + share / 2;
      before += share;
      return { who, phase: p.label, order, share: round4(share), mid: round4(mid), label: share >= 0.06 ? percent(share) : '' };
    });
  });
  const y = { field: 'who', type: 'nominal', sort: rows.map(([who]) => who), axis: { title: null, labelLimit: 260 } };
  const x = { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { title: 'Share of aircraft time (%)', format: '.0%' } };
  const order = { field: 'order', type: 'quantitative' };
  const tooltip = [
    { field: 'who', title: 'Bases' },
    { field: 'phase', title: 'Phase' },
    { field: 'share', title: 'Share of time', format: '.1%' },
  ];
  return topLevel({
    title: {
      text: 'Where the aircraft time went',
      subtitle: [
        `All bases: all of the fleet's time; each base: only the time of sorties to that base (clearance wait to hub turnaround), averaged over ${runsText(summary.runs)}.`,
        'Repairs (down) and waiting for cargo happen at the hub between sorties, at no base: they appear only in All bases, so a base\'s other shares can be larger.',
      ],
    },
    width: PLOT_WIDTH - 180,
    height: { step: 38 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x,
          order,
          color: {
            field: 'phase',
            type: 'nominal',
            scale: { domain: PHASES.map((p) => p.label), range: PHASES.map((p) => p.color) },
            // Three columns: four side by side run past a narrow window.
            legend: { title: null, columns: 3 },
          },
          tooltip,
        },
      },
      {
        // A label only where its segment is wide enough for it at the width the page drew the
        // plot (narrower in a narrow window): about 7.5 px a character at 12 px bold, plus a margin.
        transform: [{ filter: "datum.label !== '' && datum.share * width >= 7.5 * length(datum.label) + 6" }],
        mark: { type: 'text', color: '#ffffff', fontSize: 12, fontWeight: 600, dx: 0 },
        encoding: {
          y,
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'label' },
          // The label sits where the reader points: it shows the same tooltip as its bar.
          tooltip,
        },
      },
    ],
  });
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
