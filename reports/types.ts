/**
 * Types shared by the report builders: a Vega-Lite spec goes in, a Vega spec comes out of
 * compilation, and the page shell renders compiled specs.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Spec } from 'vega';

/** A Vega-Lite top-level spec, as written to `<name>.vl.json`. */
export type VegaLiteSpec = TopLevelSpec;

/** A compiled Vega spec, as the browser runtime renders it. */
export type VegaSpec = Spec;

/**
 * A layer or sub-chart while a spec is being assembled. Vega-Lite's own types are too deep to
 * write literals against; what is built is checked by compiling it (warnings fail the tests)
 * and by drawing it in a browser.
 */
export type Layer = Record<string, unknown>;
