/**
 * Loads simjs 2.0.3, an independent oracle for FCFS queues in tests and benchmarks.
 *
 * Its published bundle (browserify) exports nothing to Node: it only assigns `window.Sim`
 * when a `window` exists. So it is compiled here with `node:vm` as the body of a function
 * taking a fake `window`, and the classes are picked up from `window.Sim`. It runs in this
 * realm, not a new vm context, because simjs checks arguments with `instanceof Function`,
 * which fails for functions from another realm. Only the FCFS facility is trusted: its LCFS
 * facility has known bugs (double completions, clock going back).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** A simjs request: the handle returned by setTimer/useFacility; `done` registers a callback. */
export interface SimjsRequest {
  done(callback: () => void, context?: object, argument?: unknown): SimjsRequest;
}

/** The part of simjs's Entity class used here (subclass it and define `start`). */
export interface SimjsEntity {
  sim: SimjsSim;
  time(): number;
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: SimjsFacility, duration: number): SimjsRequest;
}

export interface SimjsSim {
  time(): number;
  addEntity<E>(klass: new (...args: any[]) => E, name?: string, ...args: unknown[]): E;
  simulate(endTime: number, maxEvents?: number): boolean;
}

export type SimjsFacility = object;

export interface SimjsRandom {
  random(): number;
  exponential(lambda: number): number;
}

export interface Simjs {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Facility: (new (name: string, discipline?: number, servers?: number, maxqlen?: number) => SimjsFacility) & {
    FCFS: number;
    LCFS: number;
    PS: number;
  };
  Random: new (seed?: number) => SimjsRandom;
}

/** Evaluates the simjs bundle and returns its classes; throws if the bundle did not define them. */
export function loadSimjs(): Simjs {
  const require = createRequire(import.meta.url);
  const file = require.resolve('simjs/sim.js');
  const code = readFileSync(file, 'utf8');
  const window: { Sim?: Simjs } = {};
  // `require` is shadowed so the browserify prelude never reaches Node's module loader.
  const factory = vm.runInThisContext(`(function (window, require) {${code}\n})`, { filename: file }) as (
    w: object,
    r: undefined,
  ) => void;
  factory(window, undefined);
  const lib = window.Sim;
  if (lib === undefined || typeof lib.Sim !== 'function' || typeof lib.Facility !== 'function') {
    throw new Error(`loadSimjs: ${file} did not define window.Sim with Sim and Facility`);
  }
  return lib;
}
