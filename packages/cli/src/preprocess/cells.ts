// How fitting and applying a preprocessing read a cell, and the pieces of their messages.

// Plain decimal or exponent notation, as @lassonet/datasets reads numbers: Number() would also
// take hex, binary, "Infinity" and, worst, "" (as 0).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// The cells @lassonet/datasets counts as missing (compared in lower case).
const EMPTY_TOKENS = new Set(['', 'na', 'nan', 'null', '?']);

/** Whether a (trimmed) cell counts as empty: '', NA, NaN, null or ?, in any case. */
export function isEmptyCell(cell: string): boolean {
  return EMPTY_TOKENS.has(cell.toLowerCase());
}

/** The cell's number, or undefined when it is not a finite number in plain notation. */
export function cellNumber(cell: string): number | undefined {
  if (!NUMBER.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

export function quote(text: string): string {
  return `'${text}'`;
}

/** `a, b, c`, or the first `limit` and `… and N more`, so a wide table keeps messages short. */
export function listOf(items: readonly string[], limit = 10): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')}, … and ${items.length - limit} more`;
}

/** `x3 (4), color (2)`: the columns with empty cells and how many each has. */
export function emptyCounts(counts: ReadonlyMap<string, number>): string {
  return listOf(
    [...counts].filter(([, n]) => n > 0).map(([name, n]) => `${name} (${n})`),
    6,
  );
}

/** `row 4`, or `rows 4, 9, 12, …`, from 0-based row indices (messages count data rows from 1). */
export function rowList(rows: readonly number[], limit = 5): string {
  const shown = rows.slice(0, limit).map((row) => String(row + 1));
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${rows.length > limit ? ', …' : ''}`;
}
