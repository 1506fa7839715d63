/**
 * Workers for `nTasks` paths of similar length on `cores` cores: the fewest, from one per core
 * up to two per core, that finish soonest. Paths run in rounds, and a round of k paths on fewer
 * than k cores shares them: with 5 paths on 2 cores, 2 workers need 3 path lengths (2 + 2 + 1),
 * 3 workers need 2.5 (3 sharing 2 cores, then 2), as many as an even split. 20 paths on 2 cores
 * keep 2 workers: more would not shorten anything.
 */
export function defaultWorkers(nTasks: number, cores: number): number {
  const c = Math.max(1, Math.floor(cores));
  if (nTasks <= c) return Math.max(1, nTasks);
  let best = c;
  let bestTime = Number.POSITIVE_INFINITY;
  for (let w = c; w <= Math.min(nTasks, 2 * c); w++) {
    let time = 0;
    for (let left = nTasks; left > 0; left -= w) time += Math.max(1, Math.min(w, left) / c);
    if (time < bestTime - 1e-9) {
      best = w;
      bestTime = time;
    }
  }
  return best;
}
