import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CsvTable, DatasetError, parseCsvTable } from '@lassonet/datasets';
import { CliError } from '../errors.js';

/** An input file's text; a missing or unreadable file is a MISSING_FILE error naming it. */
export async function readInputFile(path: string, what: string): Promise<string> {
  const full = resolve(path);
  try {
    return await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError('MISSING_FILE', `Cannot read the ${what} ${full}: ${why}.`, {
      cause: error,
    });
  }
}

/** A CSV file as a table of trimmed strings; a malformed file's message names the file. */
export async function readTable(path: string): Promise<CsvTable> {
  const text = await readInputFile(path, 'table');
  try {
    return parseCsvTable(text);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new DatasetError(error.code, `${resolve(path)}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
