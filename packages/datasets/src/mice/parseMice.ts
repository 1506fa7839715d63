import { parseLocated, tableToMatrix } from '../csv.js';
import { DatasetError } from '../errors.js';

/** The MICE data after the seed demo's preprocessing: unscaled, rows in file order. */
export interface MiceData {
  /** 1080 rows of 77 protein expression levels, empty cells filled (see `filledCells`). */
  X: number[][];
  /** Class labels 0..7: [Genotype=Control] + 2·[Treatment=Memantine] + 4·[Behavior=C/S]. */
  y: number[];
  /** The 77 protein columns, in file order (DYRK1A_N … CaNA_N). */
  featureNames: string[];
  /** classNames[label] is the `class` column's value for that label, e.g. 'c-CS-m'. */
  classNames: string[];
  /** The MouseID column, one per row (15 measurements per mouse). */
  mouseIds: string[];
  /** How many empty cells were filled with their (Genotype, Treatment, Behavior) group mean. */
  filledCells: number;
}

const DESIGN_COLUMNS = ['Genotype', 'Treatment', 'Behavior'] as const;
const NON_FEATURES = new Set(['MouseID', ...DESIGN_COLUMNS, 'class']);
const LEVELS: Record<(typeof DESIGN_COLUMNS)[number], readonly [string, string]> = {
  // [value giving bit 0, value giving bit 1]
  Genotype: ['Ts65Dn', 'Control'],
  Treatment: ['Saline', 'Memantine'],
  Behavior: ['S/C', 'C/S'],
};

/**
 * Parses Data_Cortex_Nuclear.csv and applies the seed demo's preprocessing: an empty protein
 * cell gets the mean of its column over the rows of the same (Genotype, Treatment, Behavior).
 * Scaling is left to the caller, to be fitted on training rows only.
 */
export function parseMice(text: string): MiceData {
  const table = parseLocated(text);
  const { columns, rows } = table;
  const missing = ['MouseID', ...DESIGN_COLUMNS, 'class'].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new DatasetError(
      'MALFORMED_FILE',
      `This is not the MICE protein file: it has no column ${missing.map((c) => `'${c}'`).join(', ')}.`,
    );
  }
  const at = (name: string) => columns.indexOf(name);
  const featureNames = columns.filter((name) => !NON_FEATURES.has(name));

  const y: number[] = [];
  const classNames: string[] = [];
  const groups: string[] = [];
  rows.forEach((row, r) => {
    let label = 0;
    DESIGN_COLUMNS.forEach((name, bit) => {
      const value = row[at(name)] ?? '';
      const level = LEVELS[name].indexOf(value);
      if (level === -1) {
        throw new DatasetError(
          'MALFORMED_FILE',
          `Line ${r + 2}: ${name} is '${value}', expected ${LEVELS[name].join(' or ')}.`,
        );
      }
      label += level << bit;
    });
    const className = row[at('class')] ?? '';
    const known = classNames[label];
    if (known !== undefined && known !== className) {
      throw new DatasetError(
        'MALFORMED_FILE',
        `Line ${r + 2}: class '${className}' disagrees with Genotype, Treatment and Behavior, which give the class of '${known}'.`,
      );
    }
    classNames[label] = className;
    y.push(label);
    groups.push(DESIGN_COLUMNS.map((name) => row[at(name)]).join('|'));
  });

  // Values with NaN where empty (every other cell must be a number); then the group means over
  // the non-empty cells.
  const { X } = tableToMatrix(table, {
    exclude: [...NON_FEATURES],
    targetType: 'auto',
    missing: 'keep',
  });
  const sums = new Map<string, { sum: number[]; count: number[] }>();
  X.forEach((values, r) => {
    const key = groups[r] as string;
    let group = sums.get(key);
    if (group === undefined) {
      group = { sum: featureNames.map(() => 0), count: featureNames.map(() => 0) };
      sums.set(key, group);
    }
    values.forEach((v, c) => {
      if (!Number.isNaN(v) && group !== undefined) {
        group.sum[c] = (group.sum[c] as number) + v;
        group.count[c] = (group.count[c] as number) + 1;
      }
    });
  });
  let filledCells = 0;
  X.forEach((values, r) => {
    const group = sums.get(groups[r] as string);
    values.forEach((v, c) => {
      if (!Number.isNaN(v) || group === undefined) return;
      const count = group.count[c] as number;
      if (count === 0) {
        throw new DatasetError(
          'MALFORMED_FILE',
          `Column ${featureNames[c]} has no value at all for ${(groups[r] as string).replaceAll('|', ', ')}, so its empty cells cannot be filled.`,
        );
      }
      values[c] = (group.sum[c] as number) / count;
      filledCells++;
    });
  });

  return {
    X,
    y,
    featureNames,
    classNames: Array.from(classNames, (name) => name ?? ''),
    mouseIds: rows.map((row) => row[at('MouseID')] ?? ''),
    filledCells,
  };
}
