/**
 * Whether chart texts fit, read from a report page in chromium: what the fit tests of every
 * report check (text cut by its chart or container, cut with an ellipsis, over another, or
 * touching a neighbour on its line).
 */
import type { Page } from 'playwright-core';

export interface Problem {
  chart: string;
  text: string;
  why: string;
}

/**
 * Every visible text of every chart that is cut (outside its SVG, or outside its container's
 * visible box, which scrolls rather than grows), ends with "…", overlaps another by more than
 * 1 px, or sits on the same line less than 3 px from another.
 */
export async function textProblems(page: Page): Promise<{ charts: number; texts: number; problems: Problem[] }> {
  return page.$$eval('[data-chart]', (els) => {
    const problems: Array<{ chart: string; text: string; why: string }> = [];
    let texts = 0;
    for (const el of els) {
      const chart = el.getAttribute('data-chart') ?? '?';
      const svg = el.querySelector('svg');
      if (!svg) {
        problems.push({ chart, text: '', why: 'no svg' });
        continue;
      }
      const s = svg.getBoundingClientRect();
      const c = el.getBoundingClientRect();
      const left = Math.max(s.left, c.left);
      const right = Math.min(s.right, c.right);
      const boxes = [...svg.querySelectorAll('text')]
        // A white copy behind a label is its halo (it masks the rules under the words), not a text of its own.
        .filter((t) => (t.textContent ?? '').trim() !== '' && Number(t.ownerDocument.defaultView?.getComputedStyle(t).opacity ?? 1) > 0 && t.getAttribute('opacity') !== '0' && t.getAttribute('fill') !== '#ffffff')
        .map((t) => ({ text: t.textContent ?? '', b: t.getBoundingClientRect() }));
      texts += boxes.length;
      for (const { text, b } of boxes) {
        const at = `[${Math.round(b.left)}, ${Math.round(b.right)}] x [${Math.round(b.top)}, ${Math.round(b.bottom)}]`;
        if (b.left < left - 0.5 || b.right > right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5) {
          problems.push({ chart, text, why: `outside the chart ${at}, visible chart [${Math.round(left)}, ${Math.round(right)}] x [${Math.round(s.top)}, ${Math.round(s.bottom)}]` });
        }
        if (text.trimEnd().endsWith('…')) problems.push({ chart, text, why: 'cut with an ellipsis' });
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.b;
          const b = boxes[j]!.b;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push({ chart, text: `${boxes[i]!.text} / ${boxes[j]!.text}`, why: `overlap ${w.toFixed(1)} x ${h.toFixed(1)} px` });
          // Side by side on one line (axis labels): touching words read as one ("11 Aug18 Aug").
          else if (Math.abs(a.top - b.top) < 1 && Math.abs(a.bottom - b.bottom) < 1 && w > -3) problems.push({ chart, text: `${boxes[i]!.text} / ${boxes[j]!.text}`, why: `less than 3 px apart (${(-w).toFixed(1)} px)` });
        }
      }
    }
    return { charts: els.length, texts, problems };
  });
}
