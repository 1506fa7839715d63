import { defineHostKernel, type Tensor, type Tensor2D } from '@lassonet/backend';
import type { GroupLayout } from './groups.js';
import type { HierProxMethod, ProxParams } from './options.js';
import { hierProxKernel } from './proxKernel.js';
import { hierProxTensors } from './proxTensors.js';

/** The attributes of the Hier-Prox kernel. */
export interface ProxAttrs extends ProxParams {
  /** The groups, each feature its own without `groups`. */
  layout: GroupLayout;
  /** Whether `layout` came from `groups`: the tensor version needs no group sums otherwise. */
  grouped: boolean;
}

/**
 * Hier-Prox as a tfjs kernel: inputs skip [nFeatures, nOutputs] and hidden [nFeatures, nHidden],
 * outputs the new skip and hidden. Where the backend keeps tensors in main memory (cpu, wasm)
 * the linear-time kernel works on the tensors' own storage: copying them out with dataSync()
 * allocates fresh memory, which can cost more than the prox itself. Elsewhere (webgl) the
 * tensor-op version runs, so the weights never leave the GPU.
 */
export const hierProxOp = defineHostKernel<ProxAttrs>({
  name: 'LassoNetHierProx',
  outputShapes: ([skip, hidden]) => [[...(skip ?? [])], [...(hidden ?? [])]],
  host([skip, hidden], [skipShape, hiddenShape], attrs, [outSkip, outHidden]) {
    hierProxKernel(
      skip as Float32Array,
      hidden as Float32Array,
      skipShape?.[1] as number,
      hiddenShape?.[1] as number,
      attrs.layout,
      attrs,
      outSkip as Float32Array,
      outHidden as Float32Array,
    );
  },
  composite([skip, hidden], attrs) {
    const out = hierProxTensors(
      skip as Tensor2D,
      hidden as Tensor2D,
      attrs.grouped ? attrs.layout : undefined,
      attrs,
    );
    return [out.skip, out.hidden];
  },
});

/**
 * Runs Hier-Prox on checked kernels. `'arrays'` where the backend has no kernel (webgl) runs the
 * kernel on copies read back with dataSync().
 */
export function runHierProx(
  skip: Tensor2D,
  hidden: Tensor2D,
  attrs: ProxAttrs,
  method: HierProxMethod,
): { skip: Tensor2D; hidden: Tensor2D } {
  const inputs: Tensor[] = [skip, hidden];
  if (method === 'tensors') {
    return hierProxTensors(skip, hidden, attrs.grouped ? attrs.layout : undefined, attrs);
  }
  let out: Tensor[];
  if (method === 'arrays' && !hierProxOp.available()) out = hierProxOp.runOnCopies(inputs, attrs);
  else out = hierProxOp.run(inputs, attrs);
  return { skip: out[0] as Tensor2D, hidden: out[1] as Tensor2D };
}
