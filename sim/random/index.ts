/**
 * Random streams and distributions for Retrograde: explicit, seeded, no global state.
 * A stream per (seed, replication, source); a sampler per distribution spec.
 */
export { createStream, replicationStreams, streamKey } from './stream.ts';
export type { Stream } from './stream.ts';
export { sampler, standardNormal, MAX_TRUNCATION_TRIES } from './sample.ts';
export type { Sampler } from './sample.ts';
export { distProblems, assertDist, MIN_TRUNCATED_MASS } from './check.ts';
export type { DistProblem } from './check.ts';
export { distMean, distRange, distVariance } from './moments.ts';
export { lognormalFromMedianP90, lognormalFromMeanSd } from './lognormal.ts';
export { normalCdf, gammaFn, Z90 } from './special.ts';
