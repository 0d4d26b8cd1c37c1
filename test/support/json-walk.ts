/** Walking JSON-like values in tests (Vega-Lite specs, summaries). */

export type Json = Record<string, unknown>;

/** Every object inside `value` (depth first), with its path. */
export function* walk(value: unknown, path = '$'): Generator<[string, Json]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walk(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    yield [path, value as Json];
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}.${k}`);
  }
}
