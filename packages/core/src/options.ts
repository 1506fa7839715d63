import * as v from 'valibot';
import { describeValue } from './describeValue.js';
import { LassoNetError } from './errors.js';
import { nearestName } from './nearestName.js';

/** The codes an option error carries. */
export type OptionErrorCode = 'INVALID_OPTION' | 'UNKNOWN_OPTION';

/** A package's error class, so an option error has that package's type (ModelError, …). */
// `never`: a subclass narrows the code parameter, and any such class is accepted.
export type OptionErrorClass = new (code: never, message: string) => LassoNetError;

/** Any valibot schema (synchronous). */
export type OptionSchema = v.GenericSchema;

/**
 * Validates `input` against an option schema once, at a public boundary, and returns the
 * options with every default filled in. A bad value or an unknown key (strict objects) throws
 * `ErrorClass` with code INVALID_OPTION or UNKNOWN_OPTION; an unknown key's message suggests the
 * nearest valid name. `undefined` reads as `{}`. `codes` gives a top-level option its own code
 * for a bad value (such as `{ groups: 'INVALID_GROUPS' }`).
 */
export function parseOptions<S extends OptionSchema>(
  schema: S,
  input: unknown,
  where: string,
  ErrorClass: OptionErrorClass = LassoNetError,
  codes: Readonly<Record<string, string>> = {},
): v.InferOutput<S> {
  const Make = ErrorClass as unknown as new (code: string, message: string) => LassoNetError;
  const value = input === undefined ? {} : input;
  const type = (schema as { type?: string }).type;
  if (
    (type === 'strict_object' || type === 'object') &&
    (value === null || typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new Make(
      'INVALID_OPTION',
      `The options of ${where} must be an object, got ${describeValue(value)}.`,
    );
  }
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issue = mostSpecific(result.issues[0]);
  const [code, message] = describeIssue(schema, issue, where);
  const first = issue.path?.[0]?.key;
  const own = code === 'INVALID_OPTION' && typeof first === 'string' ? codes[first] : undefined;
  throw new Make(own ?? code, message);
}

/**
 * A union (one value or a pair, say) reports that no branch matched; where a branch got further
 * into the value (the pair's second item), its issue says more.
 */
function mostSpecific(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  const base = issue.path ?? [];
  const subs = (issue.issues ?? []).map((sub) => {
    // Issues inside a union's branches carry a path from the union or from the root, by where
    // the union sits; make it the path from the root.
    const own = sub.path ?? [];
    const rooted = base.every((item, k) => own[k]?.key === item.key);
    const rel = rooted ? own.slice(base.length) : own;
    return { rel, issue: { ...sub, path: [...base, ...rel] } as v.BaseIssue<unknown> };
  });
  if (Array.isArray(issue.input)) {
    // A pair: the issue of its bad item, if an item is bad (not if it has too many items).
    const item = subs.find(
      ({ rel, issue: sub }) => typeof rel[0]?.key === 'number' && sub.type !== 'strict_tuple',
    );
    return item === undefined ? issue : mostSpecific(item.issue);
  }
  // A single value matched against "one value or a pair": the single-value branch says more.
  const single = subs.find(
    ({ issue: sub }) =>
      !TUPLE_TYPES.has(sub.type) && (sub.message.startsWith('must ') || sub.expected === 'never'),
  );
  if (single === undefined) return issue;
  return single.rel.length > 0 ? mostSpecific(single.issue) : single.issue;
}

const TUPLE_TYPES = new Set(['tuple', 'strict_tuple', 'loose_tuple', 'array']);

function describeIssue(
  schema: OptionSchema,
  issue: v.BaseIssue<unknown>,
  where: string,
): [OptionErrorCode, string] {
  const path = issue.path ?? [];
  const label = pathLabel(path);
  if (
    (issue.type === 'strict_object' || issue.type === 'object') &&
    issue.expected === 'never' &&
    path.length > 0
  ) {
    const key = String(path[path.length - 1]?.key);
    const known = knownKeys(schema, path.slice(0, -1), path[path.length - 1]?.input);
    const near = nearestName(key, known);
    const inner = path.length > 1 ? ` in ${pathLabel(path.slice(0, -1))}` : '';
    return [
      'UNKNOWN_OPTION',
      known.length === 0
        ? `Unknown option '${key}'${inner} for ${where}: it takes no options.`
        : `Unknown option '${key}'${inner} for ${where}${near ? ` (did you mean '${near}'?)` : ''}. Known options: ${known.join(', ')}.`,
    ];
  }
  if (
    (issue.type === 'strict_object' || issue.type === 'object') &&
    issue.received === 'undefined' &&
    path.length > 0
  ) {
    const owner = path.length > 1 ? `${pathLabel(path.slice(0, -1))} of ${where}` : where;
    return ['INVALID_OPTION', `${owner} needs ${String(path[path.length - 1]?.key)}.`];
  }
  if (path.length === 0 && (issue.type === 'strict_object' || issue.type === 'object')) {
    return [
      'INVALID_OPTION',
      `The options of ${where} must be an object, got ${describeValue(issue.input)}.`,
    ];
  }
  const subject = label === '' ? `${where}: the value` : `${where}: ${label}`;
  if (issue.message.startsWith('must ')) {
    return ['INVALID_OPTION', `${subject} ${issue.message}, got ${describeValue(issue.input)}.`];
  }
  return ['INVALID_OPTION', `${subject}: ${issue.message}.`];
}

/** `hiddenDims[1]`, `optimizer[0].learningRate`. */
function pathLabel(path: readonly v.IssuePathItem[]): string {
  let label = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') label += `[${key}]`;
    else label += label === '' ? String(key) : `.${String(key)}`;
  }
  return label;
}

interface SchemaShape {
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  options?: readonly unknown[];
  item?: unknown;
  items?: readonly unknown[];
  key?: string;
}

/** The option names an object schema at `path` accepts (all of them, across unions). */
function knownKeys(
  schema: OptionSchema,
  path: readonly v.IssuePathItem[],
  owner: unknown,
): string[] {
  let nodes: SchemaShape[] = [schema as SchemaShape];
  for (const item of path) {
    nodes = nodes.flatMap(expand).flatMap((node) => {
      if (typeof item.key === 'number') {
        if (node.item !== undefined) return [node.item as SchemaShape];
        const tupleItem = node.items?.[item.key];
        return tupleItem === undefined ? [] : [tupleItem as SchemaShape];
      }
      const entry = node.entries?.[String(item.key)];
      return entry === undefined ? [] : [entry as SchemaShape];
    });
  }
  const objects = nodes.flatMap(expand).filter((n) => n.entries !== undefined);
  // A variant (such as optimizers by name) offers the keys of the branch the input chose.
  const chosen = objects.filter((n) => matchesDiscriminator(n, owner));
  const keys = new Set<string>();
  for (const node of chosen.length > 0 ? chosen : objects) {
    for (const key of Object.keys(node.entries ?? {})) keys.add(key);
  }
  return [...keys];
}

function expand(node: SchemaShape): SchemaShape[] {
  if (node.wrapped !== undefined) return expand(node.wrapped as SchemaShape);
  if (node.options !== undefined && node.entries === undefined) {
    return node.options.flatMap((o) => expand(o as SchemaShape));
  }
  return [node];
}

function matchesDiscriminator(node: SchemaShape, input: unknown): boolean {
  if (input === null || typeof input !== 'object') return false;
  for (const [key, entry] of Object.entries(node.entries ?? {})) {
    const literal = (entry as { type?: string; literal?: unknown }).literal;
    if ((entry as { type?: string }).type === 'literal') {
      return (input as Record<string, unknown>)[key] === literal;
    }
  }
  return false;
}

/** Bounds of a numeric option; `above`/`below` are strict, `min`/`max` inclusive. */
export interface NumberBounds {
  integer?: boolean;
  min?: number;
  max?: number;
  above?: number;
  below?: number;
}

/** What `numberOption(bounds)` accepts, in words: "a finite number > 0", "an integer >= 1". */
export function describeBounds(bounds: NumberBounds): string {
  const kind = bounds.integer ? 'an integer' : 'a finite number';
  const lo = side('>', bounds.above, bounds.min);
  const hi = side('<', bounds.below, bounds.max);
  if (lo !== undefined && hi !== undefined) {
    const open = lo[0] === '>' ? '(' : '[';
    const close = hi[0] === '<' ? ')' : ']';
    return `${bounds.integer ? 'an integer' : 'a number'} in ${open}${lo[1]}, ${hi[1]}${close}`;
  }
  if (lo !== undefined) return `${kind} ${lo[0]} ${lo[1]}`;
  if (hi !== undefined) return `${kind} ${hi[0]} ${hi[1]}`;
  return kind;
}

/** One side of the bounds as [operator, value]: the strict bound if given, else the inclusive one. */
function side(
  op: '>' | '<',
  strict: number | undefined,
  inclusive: number | undefined,
): [string, number] | undefined {
  if (strict !== undefined) return [op, strict];
  return inclusive === undefined ? undefined : [`${op}=`, inclusive];
}

/** Whether `value` is a number within `bounds`. */
export function inBounds(value: unknown, bounds: NumberBounds): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (bounds.integer && !Number.isSafeInteger(value)) return false;
  if (bounds.min !== undefined && value < bounds.min) return false;
  if (bounds.max !== undefined && value > bounds.max) return false;
  if (bounds.above !== undefined && value <= bounds.above) return false;
  if (bounds.below !== undefined && value >= bounds.below) return false;
  return true;
}

/** A number option with bounds; its error says what it accepts ("must be an integer >= 1"). */
export function numberOption(bounds: NumberBounds = {}) {
  const message = `must be ${describeBounds(bounds)}`;
  return v.pipe(
    v.number(message),
    v.check((x) => inBounds(x, bounds), message),
  );
}

/** A true/false option. */
export function booleanOption() {
  return v.boolean('must be true or false');
}

/** One of a few strings. */
export function choiceOption<const T extends readonly [string, ...string[]]>(choices: T) {
  return v.picklist(choices, `must be one of ${choices.map((c) => `'${c}'`).join(', ')}`);
}

/** A callback. */
export function functionOption<F extends (...args: never[]) => unknown>() {
  return v.custom<F>((x) => typeof x === 'function', 'must be a function');
}

/**
 * What callers may pass for a schema's options: its input type with every array readonly, so
 * `as const` arrays and `readonly number[]` values are accepted as well as plain arrays.
 */
export type OptionsInput<S extends OptionSchema> = ReadonlyInput<v.InferInput<S>>;

/** `T` with its arrays and tuples (at any depth) readonly; functions are left as they are. */
export type ReadonlyInput<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: ReadonlyInput<T[K]> }
    : T extends object
      ? { [K in keyof T]: ReadonlyInput<T[K]> }
      : T;
