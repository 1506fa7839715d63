#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBackends } from './checkBackends.js';

const usage = `Usage: lassonet-backend-check [--repeats N] [--json] [--out FILE]

Activates each installed tensor backend (cpu, wasm, webgl), times a LassoNet-sized product
(778x77 by 77x100, the first layer on the MICE training set) and checks it against float64,
then reports which backend 'auto' picks on this machine. --out also writes the JSON report to FILE.`;

async function main(): Promise<number> {
  let values: { repeats?: string; json?: boolean; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        repeats: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) {
    console.error(`--repeats must be a positive integer, got '${values.repeats}'`);
    return 2;
  }
  if (!values.json) {
    console.log('Checking the tensor backends on this machine (a small check, not the MICE demo).');
  }
  const result = await checkBackends({ repeats });
  if (values.out !== undefined) {
    const report = { date: new Date().toISOString(), node: process.version, repeats, ...result };
    try {
      mkdirSync(dirname(values.out), { recursive: true });
      writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      console.error(`cannot write ${values.out}: ${(error as Error).message}`);
      return 2;
    }
  }
  if (values.json) {
    console.log(JSON.stringify(result));
    return 0;
  }
  console.table(
    result.reports.map((r) => ({
      backend: r.backend,
      runs: r.available ? 'yes' : 'no',
      'median ms': r.medianMs?.toFixed(2) ?? '',
      'max rel. error': r.maxRelError?.toExponential(1) ?? '',
      note: r.reason ?? '',
    })),
  );
  console.log(`'auto' picks ${result.auto} here.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
