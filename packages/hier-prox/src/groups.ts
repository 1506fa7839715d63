import { HierProxError } from './errors.js';

/**
 * A partition of the features in compressed form: the members of group g are
 * `members[offsets[g] .. offsets[g + 1])`. Without groups every feature is its own group.
 */
export interface GroupLayout {
  readonly nGroups: number;
  readonly members: Int32Array;
  readonly offsets: Int32Array;
  /** The group of each feature. */
  readonly groupOf: Int32Array;
  readonly maxSize: number;
}

/** Each feature its own group. */
export function singletonGroups(nFeatures: number): GroupLayout {
  const members = new Int32Array(nFeatures);
  const offsets = new Int32Array(nFeatures + 1);
  for (let j = 0; j < nFeatures; j++) {
    members[j] = j;
    offsets[j + 1] = j + 1;
  }
  return { nGroups: nFeatures, members, offsets, groupOf: members, maxSize: 1 };
}

/** Checks that `groups` partitions 0..nFeatures-1 and returns its compressed layout. */
export function groupLayout(
  groups: readonly (readonly number[])[],
  nFeatures: number,
): GroupLayout {
  if (!Array.isArray(groups)) {
    throw new HierProxError(
      'INVALID_GROUPS',
      'groups must be an array of arrays of feature indices.',
    );
  }
  const groupOf = new Int32Array(nFeatures).fill(-1);
  const members = new Int32Array(nFeatures);
  const offsets = new Int32Array(groups.length + 1);
  let filled = 0;
  let maxSize = 0;
  groups.forEach((group, g) => {
    if (!Array.isArray(group) || group.length === 0) {
      throw new HierProxError(
        'INVALID_GROUPS',
        `groups[${g}] must be a non-empty array of feature indices.`,
      );
    }
    for (const j of group) {
      if (!Number.isInteger(j) || j < 0 || j >= nFeatures) {
        throw new HierProxError(
          'INVALID_GROUPS',
          `groups[${g}] contains ${String(j)}, which is not a feature index (integers 0..${nFeatures - 1}).`,
        );
      }
      const previous = groupOf[j] ?? -1;
      if (previous !== -1) {
        throw new HierProxError(
          'INVALID_GROUPS',
          `Feature ${j} appears in groups[${previous}] and groups[${g}]; groups must not overlap.`,
        );
      }
      groupOf[j] = g;
      members[filled++] = j;
    }
    offsets[g + 1] = filled;
    maxSize = Math.max(maxSize, group.length);
  });
  if (filled !== nFeatures) {
    const missing: number[] = [];
    for (let j = 0; j < nFeatures && missing.length < 5; j++)
      if (groupOf[j] === -1) missing.push(j);
    throw new HierProxError(
      'INVALID_GROUPS',
      `groups must cover every feature exactly once: ${nFeatures - filled} of ${nFeatures} features are in no group (first: ${missing.join(', ')}).`,
    );
  }
  return { nGroups: groups.length, members, offsets, groupOf, maxSize };
}

/**
 * Checks that `groups` is a partition of 0..nFeatures-1 (every feature in exactly one non-empty
 * group); throws a HierProxError with code 'INVALID_GROUPS' naming the problem otherwise.
 */
export function checkGroups(groups: readonly (readonly number[])[], nFeatures: number): void {
  groupLayout(groups, nFeatures);
}
