import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventHeap } from '../../sim/engine/index.ts';
import { createStream } from '../../sim/random/index.ts';

test('pops in (time, key) order, ties broken by key, across growth', () => {
  const s = createStream('heap', 0, 'times');
  const heap = new EventHeap<number>(4);
  const entries: [number, number][] = [];
  for (let k = 0; k < 2000; k++) {
    const t = Math.floor(s.next() * 50); // many equal times
    entries.push([t, k]);
    heap.push(t, k, k);
  }
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const popped: number[] = [];
  while (heap.size > 0) popped.push(heap.pop() as number);
  assert.equal(popped, entries.map((e) => e[1]));
  assert.is(heap.pop(), undefined);
  assert.is(heap.topTime(), Infinity);
});

test('interleaved pushes and pops keep the order', () => {
  const heap = new EventHeap<string>();
  heap.push(5, 0, 'a');
  heap.push(1, 1, 'b');
  assert.is(heap.pop(), 'b');
  heap.push(5, 2, 'c');
  heap.push(3, 3, 'd');
  assert.is(heap.topTime(), 3);
  assert.equal([heap.pop(), heap.pop(), heap.pop()], ['d', 'a', 'c']);
});

test.run();
