/** Right-aligned columns under a header and a rule, for a terminal. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => cell.padStart(widths[c] as number)).join('  ');
  const [header = [], ...body] = rows;
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The first step along a path with each number of selected features: a path's table rows. */
export function firstStepPerCount<S extends { nSelected: number }>(steps: readonly S[]): S[] {
  const seen = new Set<number>();
  return steps.filter((step) => {
    if (seen.has(step.nSelected)) return false;
    seen.add(step.nSelected);
    return true;
  });
}
