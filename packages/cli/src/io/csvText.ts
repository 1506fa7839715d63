import Papa from 'papaparse';

/** A cell as CSV writes it: numbers in full, no value (NaN, null, ±Infinity) as an empty cell. */
export type CsvCell = string | number | boolean | null;

/** CSV text with a header line, quoted where a cell needs it. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const clean = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? '' : (cell ?? ''))),
  );
  return `${Papa.unparse({ fields: [...header], data: clean }, { newline: '\n' })}\n`;
}
