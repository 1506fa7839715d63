/**
 * Node flags for a worker thread: the process's own, except those that only apply to a main
 * script given inline (`node --input-type=module -e …` would stop every worker from starting).
 * Empty outside Node.
 */
export function workerExecArgv(): string[] {
  const flags: readonly string[] =
    (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
  const argv: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] as string;
    if (flag.startsWith('--input-type=')) continue;
    if (flag === '--input-type') {
      i++;
      continue;
    }
    argv.push(flag);
  }
  return argv;
}
