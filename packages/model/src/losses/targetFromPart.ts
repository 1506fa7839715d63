import { ModelError } from '../errors.js';
import { CrossEntropyTarget } from './crossEntropy.js';
import { MseTarget } from './meanSquaredError.js';
import type { Target, TargetPart } from './target.js';

/** The target of `part` (see `Target.part`), for the losses that can give one. */
export function targetFromPart(part: TargetPart): Target {
  switch (part.kind) {
    case 'crossEntropy':
      return CrossEntropyTarget.fromPart(part);
    case 'mse':
      return MseTarget.fromPart(part);
    default:
      throw new ModelError('INVALID_OPTION', `The ${part.kind} loss cannot be split by rows.`);
  }
}
