// The pieces the lassonet command is made of, for other commands built alike (the MICE demo's):
// one way to read arguments, show progress and write outputs.
export {
  type CommandLine,
  choiceFlag,
  type FlagSpec,
  integerFlag,
  listFlag,
  parseCommandLine,
  stringFlag,
} from './args/parseCommandLine.js';
export { CliError, type CliErrorCode } from './errors.js';
export { type FileBody, jsonText, prepareOutDir, writeFilesAtomically } from './io/outputs.js';
export { CountProgress, PathProgress, type ProgressStep } from './io/progress.js';
export { alignColumns, firstStepPerCount } from './io/textTable.js';
