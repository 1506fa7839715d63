// A variable's life in training: create, read, update in place from its own value, replace.
import { normalMatrix } from '../inputs.js';
import * as ref from '../reference.js';
import { fromMatrix, read } from '../tensorData.js';
import { seededCase, toTensor } from './helpers.js';

const LEARNING_RATE = 0.1;

export const variableCase = seededCase('variable create and assign', 1201, async (tf, rng) => {
  const init = normalMatrix(rng, 37, 23);
  const grad = normalMatrix(rng, 37, 23);
  const replacement = normalMatrix(rng, 37, 23);

  // Variables outlive tidy scopes, so this one is disposed by hand.
  const initial = toTensor(tf, init);
  const v = tf.variable(initial);
  initial.dispose();
  try {
    const created = await read(v);

    const stepped = tf.tidy(() => tf.sub(v, tf.mul(toTensor(tf, grad), LEARNING_RATE)));
    v.assign(stepped);
    stepped.dispose();
    const afterStep = await read(v);

    const fresh = toTensor(tf, replacement);
    v.assign(fresh);
    fresh.dispose();
    const afterReplace = await read(v);

    const step = ref.sub(
      init,
      ref.map(grad, (g) => g * Math.fround(LEARNING_RATE)),
    );
    return [
      { label: 'value after creation', actual: created, expected: fromMatrix(init) },
      { label: 'after assign(v - 0.1 * g)', actual: afterStep, expected: fromMatrix(step) },
      {
        label: 'after assign(new tensor)',
        actual: afterReplace,
        expected: fromMatrix(replacement),
      },
    ];
  } finally {
    v.dispose();
  }
});
