#!/usr/bin/env node
// `pnpm demo [options]`: builds the demo and the packages it uses, then runs the demo command.
import { launch } from './launch.mjs';

await launch('demo', 'apps/demo/dist/cli/main.js', 'The demo');
