import { describe, expect, it } from 'vitest';
import { csvToMatrix, parseCsvTable } from './csv.js';
import { DatasetError, type DatasetErrorCode } from './errors.js';
import { miceText } from './test-utils/miceText.js';

/** Runs `fn`, expects a DatasetError with `code`, and returns its message. */
function errorOf(fn: () => unknown, code: DatasetErrorCode): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe(code);
    return (error as DatasetError).message;
  }
  throw new Error(`expected a DatasetError with code ${code}, nothing was thrown`);
}

describe('parseCsvTable', () => {
  it('reads the header and string cells, trimmed, without typing them', () => {
    expect(parseCsvTable('a, b ,c\n 1 ,x,007\n2.50,  , true\n')).toEqual({
      columns: ['a', 'b', 'c'],
      rows: [
        ['1', 'x', '007'],
        ['2.50', '', 'true'],
      ],
    });
  });

  it('keeps commas, quotes and newlines inside quoted fields', () => {
    const text = 'name,note\n"Smith, J","line one\nline two"\n"say ""hi""",plain\n';
    expect(parseCsvTable(text).rows).toEqual([
      ['Smith, J', 'line one\nline two'],
      ['say "hi"', 'plain'],
    ]);
  });

  it('removes a BOM and handles CRLF line endings', () => {
    const table = parseCsvTable('\uFEFFa,b\r\n1,2\r\n3,"x\r\ny"\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', 'x\r\ny'],
    ]);
  });

  it('ignores trailing empty lines, and works without a final newline', () => {
    expect(parseCsvTable('a,b\n1,2\n\n').rows).toEqual([['1', '2']]);
    expect(parseCsvTable('a,b\n1,2').rows).toEqual([['1', '2']]);
  });

  it('honours another delimiter', () => {
    expect(parseCsvTable('a;b\n1,5;2\n', { delimiter: ';' })).toEqual({
      columns: ['a', 'b'],
      rows: [['1,5', '2']],
    });
    expect(parseCsvTable('a\tb\n1\t2\n', { delimiter: '\t' }).rows).toEqual([['1', '2']]);
  });

  it('reads a single-column file', () => {
    expect(parseCsvTable('a\n1\n2\n')).toEqual({ columns: ['a'], rows: [['1'], ['2']] });
  });

  it('rejects empty input and a header without rows (EMPTY_DATA)', () => {
    expect(errorOf(() => parseCsvTable(''), 'EMPTY_DATA')).toMatch(/empty/);
    expect(errorOf(() => parseCsvTable('\uFEFF \n'), 'EMPTY_DATA')).toMatch(/empty/);
    expect(errorOf(() => parseCsvTable('a,b\n'), 'EMPTY_DATA')).toMatch(/no data rows/);
    expect(() => parseCsvTable('a,b')).toThrow(/no data rows/);
  });

  it('reports a ragged row with its file line and both counts (RAGGED_ROW)', () => {
    // The quoted newline makes data row 2 start on line 4.
    const text = 'a,b,c\n1,"x\ny",3\n4,5\n';
    expect(errorOf(() => parseCsvTable(text), 'RAGGED_ROW')).toBe(
      'CSV line 4 has 2 cells, the header has 3.',
    );
    expect(() => parseCsvTable('a,b\n1,2,3\n')).toThrow(/line 2 has 3 cells, the header has 2/);
    // A blank line inside the data is a row of one cell, not something to skip.
    expect(errorOf(() => parseCsvTable('a,b\n1,2\n\n3,4\n'), 'RAGGED_ROW')).toMatch(/line 3 has 1/);
  });

  it('rejects duplicate and empty column names (MALFORMED_FILE)', () => {
    expect(errorOf(() => parseCsvTable('a,b,a,c,b\n1,2,3,4,5\n'), 'MALFORMED_FILE')).toMatch(
      /duplicate column names: 'a', 'b'/,
    );
    expect(errorOf(() => parseCsvTable('a, ,c\n1,2,3\n'), 'MALFORMED_FILE')).toMatch(
      /empty column names \(column 2\)/,
    );
  });

  it('passes on papaparse quoting errors with their line (MALFORMED_FILE)', () => {
    expect(errorOf(() => parseCsvTable('a,b\n1,2\n3,"4\n'), 'MALFORMED_FILE')).toMatch(
      /line 3 \(row 2\): Quoted field unterminated/,
    );
    expect(errorOf(() => parseCsvTable('a,b\n1,"2"x\n'), 'MALFORMED_FILE')).toMatch(
      /line 2.*Trailing quote on quoted field is malformed/,
    );
  });

  it('rejects unknown options and bad delimiters', () => {
    const options = { delimeter: ';' } as unknown as { delimiter: string };
    expect(errorOf(() => parseCsvTable('a\n1\n', options), 'UNKNOWN_OPTION')).toMatch(
      /'delimeter' for parseCsvTable \(did you mean 'delimiter'\?\)/,
    );
    expect(() => parseCsvTable('a\n1\n', { delimiter: '' })).toThrow(
      /parseCsvTable: delimiter must be a non-empty string .*, got ''/,
    );
    errorOf(() => parseCsvTable('a\n1\n', { delimiter: '"' }), 'INVALID_OPTION');
  });
});

describe('csvToMatrix', () => {
  const iris = [
    'id,sepal,petal,species',
    '1,5.1,1.4,setosa',
    '2,7.0,4.7,versicolor',
    '3,-1.5e-3,.5,virginica',
    '4,3.,+2E2,setosa',
  ].join('\n');

  it('builds X and a categorical y with sorted class names', () => {
    expect(csvToMatrix(iris, { target: 'species', exclude: ['id'] })).toEqual({
      X: [
        [5.1, 1.4],
        [7.0, 4.7],
        [-0.0015, 0.5],
        [3, 200],
      ],
      y: [0, 1, 2, 0],
      featureNames: ['sepal', 'petal'],
      targetName: 'species',
      classNames: ['setosa', 'versicolor', 'virginica'],
      missing: [],
    });
  });

  it('uses every column without a target, and no y', () => {
    const result = csvToMatrix('a,b\n1,2\n3,4\n');
    expect(result).toEqual({
      X: [
        [1, 2],
        [3, 4],
      ],
      featureNames: ['a', 'b'],
      missing: [],
    });
    expect('y' in result).toBe(false);
  });

  it('honours the order of features', () => {
    const result = csvToMatrix(iris, { target: 'species', features: ['petal', 'id'] });
    expect(result.featureNames).toEqual(['petal', 'id']);
    expect(result.X).toEqual([
      [1.4, 1],
      [4.7, 2],
      [0.5, 3],
      [200, 4],
    ]);
  });

  it('detects a numeric target, or follows targetType', () => {
    const text = 'x,t\n1,10\n2,2.5\n3,10\n';
    const auto = csvToMatrix(text, { target: 't' });
    expect(auto.y).toEqual([10, 2.5, 10]);
    expect(auto.classNames).toBeUndefined();
    expect(auto.featureNames).toEqual(['x']);

    // String sort: '10' < '2.5'.
    const categorical = csvToMatrix(text, { target: 't', targetType: 'categorical' });
    expect(categorical.y).toEqual([0, 1, 0]);
    expect(categorical.classNames).toEqual(['10', '2.5']);

    expect(csvToMatrix('x,t\n1,a\n2,1\n', { target: 't' }).classNames).toEqual(['1', 'a']);
    expect(
      errorOf(
        () => csvToMatrix('x,t\n1,1\n2,high\n', { target: 't', targetType: 'numeric' }),
        'NON_NUMERIC',
      ),
    ).toMatch(/line 3, column 't': "high" is not a number/);
  });

  it('reads quoted, CRLF and BOM files', () => {
    const text = '\uFEFF"a,1",b,label\r\n"1.5",2,"x, y"\r\n3,4,"multi\r\nline"\r\n';
    expect(csvToMatrix(text, { target: 'label' })).toEqual({
      X: [
        [1.5, 2],
        [3, 4],
      ],
      y: [1, 0],
      featureNames: ['a,1', 'b'],
      targetName: 'label',
      classNames: ['multi\r\nline', 'x, y'],
      missing: [],
    });
  });

  it("throws on missing feature cells by default, with counts per column and the 'keep' hint", () => {
    const text = 'a,b,c,t\n1,,3,x\nNA,2,nan,y\n?,NULL,3,x\n';
    const message = errorOf(() => csvToMatrix(text, { target: 't' }), 'MISSING_VALUE');
    expect(message).toMatch(/^5 missing feature cell\(s\)/);
    expect(message).toMatch(/in 3 column\(s\): 'a' \(2\), 'b' \(2\), 'c' \(1\)\./);
    expect(message).toMatch(/First at line 2, column 'b'/);
    expect(message).toMatch(/missing: 'keep'/);
  });

  it("keeps missing feature cells as NaN with missing: 'keep', and lists them", () => {
    const text = 'a,b,c,t\n1,,3,x\nNA,2,nan,y\n?,NULL,3,x\n';
    const result = csvToMatrix(text, { target: 't', missing: 'keep' });
    expect(result.X).toEqual([
      [1, Number.NaN, 3],
      [Number.NaN, 2, Number.NaN],
      [Number.NaN, Number.NaN, 3],
    ]);
    expect(result.missing).toEqual([
      { row: 0, column: 'b' },
      { row: 1, column: 'a' },
      { row: 1, column: 'c' },
      { row: 2, column: 'a' },
      { row: 2, column: 'b' },
    ]);
    expect(result.y).toEqual([0, 1, 0]);
  });

  it('never accepts a missing target cell', () => {
    const text = 'a,t\n1,x\n2,NA\n3,\n';
    for (const missing of ['error', 'keep'] as const) {
      expect(errorOf(() => csvToMatrix(text, { target: 't', missing }), 'MISSING_VALUE')).toMatch(
        /target column 't' has 2 missing cell\(s\) \(line 3, 4\)/,
      );
    }
  });

  it('rejects non-numeric feature cells with line, column and text (NON_NUMERIC)', () => {
    const cases: [string, RegExp][] = [
      ['a,b\n1,2\n3,abc\n', /line 3, column 'b': "abc" is not a number/],
      ['a,b\n1,"1,2"\n', /line 2, column 'b': "1,2" is not a number/],
      ['a,b\n0x10,2\n', /"0x10"/],
      ['a,b\n1,Infinity\n', /"Infinity"/],
      ['a,b\n1,1e\n', /"1e"/],
      ['a,b\n1,.\n', /"\."/],
      ['a,b\n1,"1 2"\n', /"1 2"/],
    ];
    for (const [text, pattern] of cases) {
      expect(errorOf(() => csvToMatrix(text), 'NON_NUMERIC')).toMatch(pattern);
    }
    expect(errorOf(() => csvToMatrix('a\n1e999\n'), 'NON_FINITE')).toMatch(/out of range/);
  });

  it('names absent columns and lists the available ones (ABSENT_COLUMN)', () => {
    expect(errorOf(() => csvToMatrix(iris, { target: 'Species' }), 'ABSENT_COLUMN')).toBe(
      "Target column 'Species' is not in the CSV. Available columns: 'id', 'sepal', 'petal', 'species'.",
    );
    expect(() => csvToMatrix(iris, { features: ['sepal', 'leaf'] })).toThrow(/'leaf' is not/);
    expect(errorOf(() => csvToMatrix(iris, { exclude: ['ID'] }), 'ABSENT_COLUMN')).toMatch(
      /Excluded column\(s\) 'ID'/,
    );
  });

  it('rejects contradictory or malformed options (INVALID_OPTION)', () => {
    expect(
      errorOf(
        () => csvToMatrix(iris, { target: 'species', features: ['sepal', 'species'] }),
        'INVALID_OPTION',
      ),
    ).toMatch(/target column 'species' is also listed in 'features'/);
    expect(() => csvToMatrix(iris, { target: 'id', exclude: ['id'] })).toThrow(/in 'exclude'/);
    expect(() => csvToMatrix(iris, { features: ['id'], exclude: ['id'] })).toThrow(/both/);
    expect(() => csvToMatrix(iris, { features: ['id', 'id'] })).toThrow(
      /features must not list 'id' more than once/,
    );
    const bad = { targetType: 'ordinal' } as unknown as { targetType: 'auto' };
    expect(errorOf(() => csvToMatrix(iris, bad), 'INVALID_OPTION')).toMatch(
      /targetType must be one of .*, got 'ordinal'/,
    );
    const badMissing = { missing: 'drop' } as unknown as { missing: 'keep' };
    expect(errorOf(() => csvToMatrix(iris, badMissing), 'INVALID_OPTION')).toMatch(
      /missing must be one of 'error', 'keep', got 'drop'/,
    );
  });

  it('rejects an empty feature set (EMPTY_DATA) and unknown options (UNKNOWN_OPTION)', () => {
    expect(
      errorOf(() => csvToMatrix('id,t\n1,2\n', { target: 't', exclude: ['id'] }), 'EMPTY_DATA'),
    ).toMatch(/No feature columns left/);
    errorOf(() => csvToMatrix(iris, { features: [] }), 'EMPTY_DATA');
    const typo = { traget: 'species' } as unknown as { target: string };
    expect(errorOf(() => csvToMatrix(iris, typo), 'UNKNOWN_OPTION')).toMatch(/'traget'/);
  });

  it('passes parse errors through', () => {
    errorOf(() => csvToMatrix('a,b\n1\n'), 'RAGGED_ROW');
    errorOf(() => csvToMatrix('a,b\n'), 'EMPTY_DATA');
  });
});

describe('the MICE protein file', () => {
  const text = miceText();
  const meta = ['MouseID', 'Genotype', 'Treatment', 'Behavior'];

  it('parses as a 1080 x 82 table', () => {
    const { columns, rows } = parseCsvTable(text);
    expect(rows).toHaveLength(1080);
    expect(columns).toHaveLength(82);
    expect(columns[0]).toBe('MouseID');
    expect(columns.slice(-4)).toEqual(['Genotype', 'Treatment', 'Behavior', 'class']);
    expect(rows.every((row) => row.length === 82)).toBe(true);
  });

  it('gives 77 features, 1396 missing cells and 8 classes', () => {
    const result = csvToMatrix(text, { target: 'class', exclude: meta, missing: 'keep' });
    expect(result.X).toHaveLength(1080);
    expect(result.X.every((row) => row.length === 77)).toBe(true);
    expect(result.featureNames).toHaveLength(77);
    expect(result.missing).toHaveLength(1396);
    expect(result.X.flat().filter(Number.isNaN)).toHaveLength(1396);
    expect(result.classNames).toEqual([
      'c-CS-m',
      'c-CS-s',
      'c-SC-m',
      'c-SC-s',
      't-CS-m',
      't-CS-s',
      't-SC-m',
      't-SC-s',
    ]);
    expect(result.y).toHaveLength(1080);
    expect(new Set(result.y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(() => csvToMatrix(text, { target: 'class', exclude: meta })).toThrow(
      /^1396 missing feature cell\(s\)/,
    );
  });
});
