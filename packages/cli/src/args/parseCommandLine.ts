import { parseArgs } from 'node:util';
import { nearestName } from '@lassonet/core';
import { CliError } from '../errors.js';

/** One option of a command: a string value or a switch. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** What a command line holds once read: option values by flag name, and the positionals. */
export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Reads `argv` against the flags a command takes; `program` names the command in messages
 * (`lassonet path`). Unlike node's own strict mode, an unknown
 * option suggests the nearest known one, and every message fits on one line.
 */
export function parseCommandLine(
  argv: readonly string[],
  flags: Readonly<Record<string, FlagSpec>>,
  program: string,
): CommandLine {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: flags as Record<string, FlagSpec>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = flags[token.name];
    if (spec === undefined) {
      const near = nearestName(token.name, Object.keys(flags));
      throw new CliError(
        'USAGE',
        `Unknown option ${token.rawName} for ${program}${near === undefined ? '' : ` (did you mean --${near}?)`}.`,
      );
    }
    if (spec.type === 'string' && (token.value === undefined || token.value === '')) {
      throw new CliError('USAGE', `--${token.name} needs a value.`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new CliError('USAGE', `--${token.name} is a switch and takes no value.`);
    }
  }
  return { values: values as CommandLine['values'], positionals };
}

/** A string option's value, if given. */
export function stringFlag(line: CommandLine, name: string): string | undefined {
  const value = line.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** An integer option: `min` or more. */
export function integerFlag(line: CommandLine, name: string, min: number): number | undefined {
  const text = stringFlag(line, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new CliError('USAGE', `--${name} must be an integer >= ${min}, got '${text}'.`);
  }
  return value;
}

/** A comma-separated list (empty items dropped). */
export function listFlag(line: CommandLine, name: string): string[] {
  const text = stringFlag(line, name);
  if (text === undefined) return [];
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** One of a fixed set of words. */
export function choiceFlag<T extends string>(
  line: CommandLine,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const text = stringFlag(line, name);
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    const near = nearestName(text, choices);
    throw new CliError(
      'USAGE',
      `--${name} must be one of ${choices.join(', ')}, got '${text}'${near === undefined ? '' : ` (did you mean ${near}?)`}.`,
    );
  }
  return text as T;
}
