/**
 * What holds each course of action back: per scenario, the shares of aircraft time (the run
 * report's time budget, all bases) as one stacked bar, under its name and its main constraint as
 * the terminal words it (`clearance 51%`, or `fleet size` when no wait reaches 5%).
 */
import type { CompareRow, CompareTable } from '../../sim/sweep/compare.ts';
import type { VegaLiteSpec } from '../types.ts';
import { PHASES, PLOT_WIDTH, topLevel } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { ROW_PX, nameLayer, rowsY, scenarioLabels, scenarioRows } from './compare-rows.ts';

const WIDTH = PLOT_WIDTH - 60;

/** One stacked bar of time shares per scenario, headed by its main constraint. */
export function compareTimeSpec(table: CompareTable): VegaLiteSpec {
  const labels = scenarioLabels(table);
  const rows = scenarioRows(
    table.rows.map((_, i) => i),
    (i) => `${labels[i]} · main constraint: ${(table.rows[i] as CompareRow).main_constraint}`,
  );
  const values = table.rows.flatMap((r, i) => {
    const total = PHASES.reduce((s, p) => s + (r.time[p.key] ?? 0), 0);
    let before = 0;
    return PHASES.map((p, order) => {
      const share = total > 0 ? (r.time[p.key] ?? 0) / total : 0;
      const mid = before + share / 2;
      before += share;
      return { row: rows.bar(i), scenario: labels[i], constraint: r.main_constraint, phase: p.label, order, share: round4(share), mid: round4(mid), label: share >= 0.06 ? percent(share) : '' };
    });
  });
  const y = rowsY(rows.keys);
  const x = { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { title: 'Share of aircraft time (%)', format: '.0%' } };
  const tooltip = [
    { field: 'scenario', title: 'Scenario' },
    { field: 'phase', title: 'Phase' },
    { field: 'share', title: 'Share of time', format: '.1%' },
    { field: 'constraint', title: 'Main constraint' },
  ];
  return topLevel({
    title: {
      text: 'What holds each course of action back',
      subtitle: [`Shares of the fleet's time, averaged over ${table.runs.toLocaleString('en-US')} replications; the main constraint is the largest wait (fleet size when no wait reaches 5%).`],
    },
    width: WIDTH,
    height: { step: ROW_PX },
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y,
          x,
          order: { field: 'order', type: 'quantitative' },
          color: { field: 'phase', type: 'nominal', scale: { domain: PHASES.map((p) => p.label), range: PHASES.map((p) => p.color) }, legend: { title: null, columns: 3, orient: 'bottom' } },
          tooltip,
        },
      },
      {
        data: { values },
        // A label only where its segment is wide enough at the width the page drew the plot.
        transform: [{ filter: "datum.label !== '' && datum.share * width >= 7 * length(datum.label) + 6" }],
        mark: { type: 'text', color: '#ffffff', fontSize: 11, fontWeight: 600 },
        encoding: { y, x: { field: 'mid', type: 'quantitative' }, text: { field: 'label' }, tooltip },
      },
      ...nameLayer(rows),
    ],
  });
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
