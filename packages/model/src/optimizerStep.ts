import { defineHostKernel, type Tensor, tf } from '@lassonet/backend';

/** What one optimizer step needs besides the tensors; every number as tfjs would hold it. */
export type StepAttrs =
  | { kind: 'sgd'; learningRate: number; momentum: number; nesterov: boolean }
  | {
      kind: 'adam';
      learningRate: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      /** 1 - beta1^t and 1 - beta2^t in float32, as tfjs's accumulated betas give them. */
      oneMinusAccBeta1: number;
      oneMinusAccBeta2: number;
    };

/** The number of state tensors per variable: SGD's momentum buffer; Adam's two moments. */
export function stateCount(kind: StepAttrs['kind']): number {
  return kind === 'sgd' ? 1 : 2;
}

const f = Math.fround;

/**
 * The step with tensor ops, in tfjs's own order (the same bits as the host function): the
 * composite where the kernel is not registered, and for large networks, where the backend's
 * vectorised ops beat a loop in JavaScript.
 */
export function optimizerStepOps(inputs: readonly Tensor[], attrs: StepAttrs): Tensor[] {
  const states = stateCount(attrs.kind);
  const n = inputs.length / (2 + states);
  const values = inputs.slice(0, n);
  const grads = inputs.slice(n * (1 + states));
  const lr = tf.scalar(-attrs.learningRate);
  if (attrs.kind === 'sgd') {
    const m = tf.scalar(attrs.momentum);
    const accs = values.map((_, v) =>
      tf.add(tf.mul(m, inputs[n + v] as Tensor), grads[v] as Tensor),
    );
    const newValues = values.map((value, v) => {
      const a = accs[v] as Tensor;
      const g = grads[v] as Tensor;
      const step = attrs.nesterov ? tf.add(g, tf.mul(a, m)) : a;
      return tf.add(tf.mul(lr, step), value);
    });
    return [...newValues, ...accs];
  }
  const firsts: Tensor[] = [];
  const seconds: Tensor[] = [];
  const newValues = values.map((value, v) => {
    const g = grads[v] as Tensor;
    const first = tf.add(tf.mul(inputs[n + v] as Tensor, attrs.beta1), tf.mul(g, 1 - attrs.beta1));
    const second = tf.add(
      tf.mul(inputs[2 * n + v] as Tensor, attrs.beta2),
      tf.mul(tf.square(g), 1 - attrs.beta2),
    );
    firsts.push(first);
    seconds.push(second);
    const corrected1 = tf.div(first, attrs.oneMinusAccBeta1);
    const corrected2 = tf.div(second, attrs.oneMinusAccBeta2);
    return tf.add(
      tf.mul(tf.div(corrected1, tf.add(tf.sqrt(corrected2), attrs.epsilon)), -attrs.learningRate),
      value,
    );
  });
  return [...newValues, ...firsts, ...seconds];
}

/**
 * One step of SGD with momentum or of Adam over all of a network's variables at once: inputs are
 * the values, then each state tensor of every variable, then the gradients; outputs are the new
 * values, then the new states. Every operation is rounded to float32 in the order tfjs's own
 * optimizers (tf.train.momentum, tf.train.adam) apply their ops, so the results are the same to
 * the bit; one kernel replaces some twenty small ops and their bookkeeping per step. Registered by
 * the backends that keep tensors in main memory (cpu, wasm); elsewhere the composite runs those
 * ops.
 */
export const optimizerStepKernel = defineHostKernel<StepAttrs>({
  name: 'LassoNetOptimizerStep',
  outputShapes(shapes, attrs) {
    const n = shapes.length / (2 + stateCount(attrs.kind));
    return shapes.slice(0, n * (1 + stateCount(attrs.kind))).map((s) => [...s]);
  },
  host(inputs, _shapes, attrs, outputs) {
    const states = stateCount(attrs.kind);
    const n = inputs.length / (2 + states);
    const lr = f(-attrs.learningRate);
    for (let v = 0; v < n; v++) {
      const value = inputs[v] as Float32Array;
      const grad = inputs[n * (1 + states) + v] as Float32Array;
      const newValue = outputs[v] as Float32Array;
      if (attrs.kind === 'sgd') {
        const acc = inputs[n + v] as Float32Array;
        const newAcc = outputs[n + v] as Float32Array;
        const m = f(attrs.momentum);
        for (let i = 0; i < value.length; i++) {
          const g = grad[i] as number;
          const a = f(f(m * (acc[i] as number)) + g);
          newAcc[i] = a;
          const step = attrs.nesterov ? f(g + f(a * m)) : a;
          newValue[i] = f(f(lr * step) + (value[i] as number));
        }
      } else {
        const m1 = inputs[n + v] as Float32Array;
        const m2 = inputs[2 * n + v] as Float32Array;
        const newM1 = outputs[n + v] as Float32Array;
        const newM2 = outputs[2 * n + v] as Float32Array;
        const b1 = f(attrs.beta1);
        const b2 = f(attrs.beta2);
        const c1 = f(1 - attrs.beta1);
        const c2 = f(1 - attrs.beta2);
        const eps = f(attrs.epsilon);
        const d1 = f(attrs.oneMinusAccBeta1);
        const d2 = f(attrs.oneMinusAccBeta2);
        for (let i = 0; i < value.length; i++) {
          const g = grad[i] as number;
          const first = f(f((m1[i] as number) * b1) + f(g * c1));
          const second = f(f((m2[i] as number) * b2) + f(f(g * g) * c2));
          newM1[i] = first;
          newM2[i] = second;
          const corrected1 = f(first / d1);
          const corrected2 = f(second / d2);
          const ratio = f(corrected1 / f(f(Math.sqrt(corrected2)) + eps));
          newValue[i] = f(f(ratio * lr) + (value[i] as number));
        }
      }
    }
  },
  composite: optimizerStepOps,
});
