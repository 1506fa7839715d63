export { CliError, type CliErrorCode } from './errors.js';
export { type CliStreams, runCli } from './runCli.js';
