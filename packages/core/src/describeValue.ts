/** A short description of a value for an error message: `-1`, `'abc'`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    // Numbers as JavaScript prints them: NaN and Infinity stay visible (JSON would say null).
    const shown = value.slice(0, 4).map((x) => (Array.isArray(x) ? '[…]' : describeValue(x)));
    return `[${shown.join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'string':
      return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
    case 'function':
      return 'a function';
    default:
      return typeof value === 'object' ? 'an object' : typeof value;
  }
}
