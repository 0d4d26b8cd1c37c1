/**
 * The discrete-event engine: environment, events, processes, resources and statistics.
 */
export { Environment } from './environment.ts';
export { SimEvent, Interrupt, type EventCallback } from './event.ts';
export { Process, type ProcessGenerator } from './process.ts';
export type { AnyOfValue } from './condition.ts';
export { Resource, Request, type ResourceOptions, type RequestOptions, type Preempted } from './resource.ts';
export { Container, type ContainerOptions } from './container.ts';
export { Store, type StoreOptions } from './store.ts';
export { scheduleCapacity, type CapacitySchedule, type CapacityStep, type CapacityTarget, type CapacityScheduleHandle } from './schedule.ts';
export { TimeWeighted, Tally } from './stats.ts';
export { tQuantile975 } from './student-t.ts';
export { EventHeap } from './heap.ts';
