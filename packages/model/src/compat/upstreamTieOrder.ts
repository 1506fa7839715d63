// This file exists only to reproduce the reference LassoNet's Cox risk sets at tied times.
//
// The reference sorts durations with torch.sort(descending=True), which on CPU runs libstdc++'s
// std::sort (introsort, not stable) over (duration, index) pairs compared by duration alone. Its
// risk set for a group of tied events ends at the group's last event in that order, so whether a
// censored row tied with the group is at risk depends on where the unstable sort put it. Matching
// the reference therefore means replaying std::sort move for move: every routine below follows
// its libstdc++ namesake (bits/stl_algo.h, bits/stl_heap.h) line by line, and must not be
// "simplified", since any change in the sequence of moves changes the order of ties. Integer
// divisions truncate, as in C++.

/** Strict weak order on the stored values: true when `a` must come before `b`. */
export type Less = (a: number, b: number) => boolean;

/** libstdc++'s _S_threshold: ranges this short are left to the final insertion sort. */
const THRESHOLD = 16;

/**
 * Sorts `items` in place exactly as libstdc++'s `std::sort(first, last, comp)` does, including
 * the order it leaves equal elements in, and returns `items`. `depthLimit` defaults to
 * libstdc++'s 2·floor(log2 n), after which a range is heap-sorted; it is a parameter only so
 * tests can reach the heap-sort path.
 */
export function libstdcxxSort(
  items: Int32Array,
  less: Less,
  depthLimit: number = 2 * (31 - Math.clz32(items.length)),
): Int32Array {
  const n = items.length;
  if (n > 0) {
    introsortLoop(items, 0, n, depthLimit, less);
    finalInsertionSort(items, 0, n, less);
  }
  return items;
}

/**
 * The row order of the reference Cox loss: indices by duration, longest first, with ties in
 * the order torch.sort(descending=True) leaves them on CPU.
 */
export function upstreamOrder(durations: ArrayLike<number>): Int32Array {
  const order = new Int32Array(durations.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return libstdcxxSort(order, (a, b) => (durations[a] as number) > (durations[b] as number));
}

function at(a: Int32Array, i: number): number {
  return a[i] as number;
}

function swap(a: Int32Array, i: number, j: number): void {
  const tmp = at(a, i);
  a[i] = at(a, j);
  a[j] = tmp;
}

function introsortLoop(
  a: Int32Array,
  first: number,
  last: number,
  depthLimit: number,
  less: Less,
): void {
  let end = last;
  let depth = depthLimit;
  while (end - first > THRESHOLD) {
    if (depth === 0) {
      // std::__partial_sort(first, last, last): __heap_select's loop is empty when middle == last.
      makeHeap(a, first, end, less);
      sortHeap(a, first, end, less);
      return;
    }
    --depth;
    const cut = unguardedPartitionPivot(a, first, end, less);
    introsortLoop(a, cut, end, depth, less);
    end = cut;
  }
}

function unguardedPartitionPivot(a: Int32Array, first: number, last: number, less: Less): number {
  const mid = first + Math.trunc((last - first) / 2);
  moveMedianToFirst(a, first, first + 1, mid, last - 1, less);
  return unguardedPartition(a, first + 1, last, first, less);
}

function moveMedianToFirst(
  a: Int32Array,
  result: number,
  x: number,
  y: number,
  z: number,
  less: Less,
): void {
  if (less(at(a, x), at(a, y))) {
    if (less(at(a, y), at(a, z))) swap(a, result, y);
    else if (less(at(a, x), at(a, z))) swap(a, result, z);
    else swap(a, result, x);
  } else if (less(at(a, x), at(a, z))) swap(a, result, x);
  else if (less(at(a, y), at(a, z))) swap(a, result, z);
  else swap(a, result, y);
}

function unguardedPartition(
  a: Int32Array,
  from: number,
  to: number,
  pivot: number,
  less: Less,
): number {
  let first = from;
  let last = to;
  for (;;) {
    while (less(at(a, first), at(a, pivot))) ++first;
    --last;
    while (less(at(a, pivot), at(a, last))) --last;
    if (!(first < last)) return first;
    swap(a, first, last);
    ++first;
  }
}

function finalInsertionSort(a: Int32Array, first: number, last: number, less: Less): void {
  if (last - first > THRESHOLD) {
    insertionSort(a, first, first + THRESHOLD, less);
    for (let i = first + THRESHOLD; i < last; i++) unguardedLinearInsert(a, i, less);
  } else {
    insertionSort(a, first, last, less);
  }
}

function insertionSort(a: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    const value = at(a, i);
    if (less(value, at(a, first))) {
      a.copyWithin(first + 1, first, i);
      a[first] = value;
    } else {
      unguardedLinearInsert(a, i, less);
    }
  }
}

function unguardedLinearInsert(a: Int32Array, last: number, less: Less): void {
  const value = at(a, last);
  let hole = last;
  let next = last - 1;
  while (less(value, at(a, next))) {
    a[hole] = at(a, next);
    hole = next;
    --next;
  }
  a[hole] = value;
}

function makeHeap(a: Int32Array, first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  let parent = Math.trunc((len - 2) / 2);
  for (;;) {
    adjustHeap(a, first, parent, len, at(a, first + parent), less);
    if (parent === 0) return;
    parent--;
  }
}

function sortHeap(a: Int32Array, first: number, last: number, less: Less): void {
  let end = last;
  while (end - first > 1) {
    --end;
    // std::__pop_heap(first, end, end).
    const value = at(a, end);
    a[end] = at(a, first);
    adjustHeap(a, first, 0, end - first, value, less);
  }
}

function adjustHeap(
  a: Int32Array,
  first: number,
  holeIndex: number,
  len: number,
  value: number,
  less: Less,
): void {
  const topIndex = holeIndex;
  let hole = holeIndex;
  let secondChild = holeIndex;
  while (secondChild < Math.trunc((len - 1) / 2)) {
    secondChild = 2 * (secondChild + 1);
    if (less(at(a, first + secondChild), at(a, first + secondChild - 1))) secondChild--;
    a[first + hole] = at(a, first + secondChild);
    hole = secondChild;
  }
  if ((len & 1) === 0 && secondChild === Math.trunc((len - 2) / 2)) {
    secondChild = 2 * (secondChild + 1);
    a[first + hole] = at(a, first + secondChild - 1);
    hole = secondChild - 1;
  }
  pushHeap(a, first, hole, topIndex, value, less);
}

function pushHeap(
  a: Int32Array,
  first: number,
  holeIndex: number,
  topIndex: number,
  value: number,
  less: Less,
): void {
  let hole = holeIndex;
  let parent = Math.trunc((hole - 1) / 2);
  while (hole > topIndex && less(at(a, first + parent), value)) {
    a[first + hole] = at(a, first + parent);
    hole = parent;
    parent = Math.trunc((hole - 1) / 2);
  }
  a[first + hole] = value;
}
