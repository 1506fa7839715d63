import { nearestName } from '@lassonet/core';
import { CliError } from '../errors.js';
import type { ColumnSpec } from '../preprocess/spec.js';

/**
 * Joins the feature groups of the preprocessing (one per column: a numeric column, or the one-hot
 * features of a text column) as a groups file says: one group per line, its columns separated by
 * commas; blank lines and lines starting with # are skipped. A column in no line stays a group of
 * its own. Returns a partition of the model's features.
 */
export function mergeGroups(
  text: string,
  columns: readonly ColumnSpec[],
  columnGroups: readonly (readonly number[])[],
  file: string,
): number[][] {
  const names = columns.map((c) => c.name);
  // Union-find over columns: each line joins its columns into one set.
  const parent = names.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const members = line
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const indices = members.map((name) => {
      const index = names.indexOf(name);
      if (index < 0) {
        const near = nearestName(name, names);
        throw new CliError(
          'UNKNOWN_COLUMN',
          `${file} line ${lineIndex + 1}: '${name}' is not a feature column${near === undefined ? '' : ` (did you mean '${near}'?)`}.`,
        );
      }
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new CliError(
          'USAGE',
          `${file} line ${lineIndex + 1}: '${name}' is already in the group of line ${earlier}; a column belongs to one group.`,
        );
      }
      seen.set(name, lineIndex + 1);
      return index;
    });
    for (const index of indices.slice(1)) parent[root(index)] = root(indices[0] as number);
  });
  const byRoot = new Map<number, number[]>();
  columnGroups.forEach((group, column) => {
    const r = root(column);
    byRoot.set(r, [...(byRoot.get(r) ?? []), ...group]);
  });
  return [...byRoot.values()]
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => (a[0] as number) - (b[0] as number));
}
