// What the side-by-side harnesses need from the machine: LASSONET_REF (a folder holding
// upstream's `lassonet` package) and a Python that can import what upstream imports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const MODULES = ['torch', 'sklearn', 'tqdm', 'numpy'];

/**
 * The upstream checkout, the Python to run it with and the environment for the Python runs. When
 * either is missing, prints one line saying what, prefixed with `task`, and exits 0: the
 * harnesses are optional.
 * @param {string} task the command's name, for the message
 * @returns {{ ref: string, python: string, env: NodeJS.ProcessEnv }}
 */
export function findUpstream(task) {
  const ref = process.env.LASSONET_REF;
  if (ref === undefined || ref === '' || !existsSync(join(ref, 'lassonet', 'interfaces.py'))) {
    console.log(
      `${task} skipped: set LASSONET_REF to a folder holding the upstream lassonet package (a clone of github.com/lasso-net/lassonet).`,
    );
    process.exit(0);
  }
  // LASSONET_PYTHON, else the first python3 that has what upstream needs (a version manager's
  // python3 on the PATH may lack the system's packages).
  const candidates = process.env.LASSONET_PYTHON
    ? [process.env.LASSONET_PYTHON]
    : ['python3', '/usr/bin/python3'];
  const python = candidates.find(
    (candidate) =>
      spawnSync(candidate, ['-c', `import ${MODULES.join(', ')}`], { encoding: 'utf8' }).status ===
      0,
  );
  if (python === undefined) {
    console.log(
      `${task} skipped: ${candidates.join(' or ')} cannot import torch, sklearn, tqdm and numpy (Debian: apt-get install python3-torch python3-sklearn python3-pandas python3-tqdm; or set LASSONET_PYTHON).`,
    );
    process.exit(0);
  }
  const env = {
    ...process.env,
    LASSONET_REF: resolve(ref),
    // The scripts import upstream_ref.py from this folder: leave no __pycache__ in the repository.
    PYTHONDONTWRITEBYTECODE: '1',
  };
  return { ref: resolve(ref), python, env };
}

/**
 * The machine and both sides' set-up, for a report: `upstreamRun` is the output of one upstream
 * run (it names its torch version and threads), `oursThreads` this project's `threads` option.
 */
export function machineReport(upstreamRun, oursThreads) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    torch: upstreamRun.torch,
    upstreamThreads: upstreamRun.threads,
    oursThreads,
  };
}

/** `machineReport`'s result as the first line of a printed report. */
export function machineLine(machine) {
  return `${machine.cpu}, ${machine.cores} cores; node ${machine.node}; torch ${machine.torch} with ${machine.upstreamThreads} thread(s); ours with threads: ${machine.oursThreads}`;
}
