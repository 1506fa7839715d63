import type { Rows } from './reference.js';

/** One case of test/fixtures/hier-prox.json or test/fixtures/group-hier-prox.json. */
export interface ProxFixture {
  name: string;
  K: number;
  H: number;
  D: number;
  lambda: number;
  lambdaBar: number;
  M: number;
  groups?: number[][];
  /** [K][D]: output x feature. */
  v: number[][];
  /** [H][D]: hidden x feature. */
  u: number[][];
  beta: (number | null)[][];
  theta: (number | null)[][];
}

/** One fixture file: what its values are, where they come from, and the cases. */
export interface ProxFixtureFile {
  about: string;
  orientation: string;
  provenance: Record<string, unknown>;
  cases: ProxFixture[];
}

/** Both fixture files together, as the suites take them. */
export interface ReferenceValues {
  orientation: string;
  hierProx: ProxFixture[];
  groupHierProx: ProxFixture[];
}

/**
 * The fixture files, relative to the package directory (test/fixtures/README.md says where they
 * come from).
 */
export const FIXTURE_FILES = {
  hierProx: 'test/fixtures/hier-prox.json',
  groupHierProx: 'test/fixtures/group-hier-prox.json',
} as const;

/** Parses the two fixture files (Node and the browser read their text in different ways). */
export function parseReferenceValues(texts: {
  hierProx: string;
  groupHierProx: string;
}): ReferenceValues {
  const hierProx = JSON.parse(texts.hierProx) as ProxFixtureFile;
  const groupHierProx = JSON.parse(texts.groupHierProx) as ProxFixtureFile;
  return {
    orientation: hierProx.orientation,
    hierProx: hierProx.cases,
    groupHierProx: groupHierProx.cases,
  };
}

/** A fixture case in the tfjs orientation ([feature][out]); null (NaN upstream) becomes 0. */
export interface ProxCase {
  name: string;
  lambda: number;
  lambdaBar: number;
  M: number;
  groups?: number[][];
  skip: Rows;
  hidden: Rows;
  expectedSkip: Rows;
  expectedHidden: Rows;
  /** Features where the reference returned NaN. */
  nullFeatures: number[];
}

const transpose = <T>(m: T[][]): T[][] => (m[0] ?? []).map((_, j) => m.map((row) => row[j] as T));

export function proxCases(values: ReferenceValues): ProxCase[] {
  return [...values.hierProx, ...values.groupHierProx].map((c) => {
    const beta = transpose(c.beta);
    const theta = transpose(c.theta);
    const nullFeatures = beta
      .map((row, j) => (row.some((x) => x === null) || theta[j]?.some((x) => x === null) ? j : -1))
      .filter((j) => j >= 0);
    return {
      name: c.name,
      lambda: c.lambda,
      lambdaBar: c.lambdaBar,
      M: c.M,
      ...(c.groups === undefined ? {} : { groups: c.groups }),
      skip: transpose(c.v),
      hidden: transpose(c.u),
      expectedSkip: beta.map((row) => row.map((x) => x ?? 0)),
      expectedHidden: theta.map((row) => row.map((x) => x ?? 0)),
      nullFeatures,
    };
  });
}
