#!/usr/bin/env node
// `pnpm lassonet <command> [options]`: builds @lassonet/cli and the packages it uses, then runs
// the lassonet command. Relative paths in its arguments are read from the directory pnpm was run in.
import { launch } from './launch.mjs';

await launch('@lassonet/cli', 'packages/cli/dist/main.js', 'The lassonet command');
