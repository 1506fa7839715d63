// The single place where the compute packages reach tfjs-core. Re-exporting the
// namespace (rather than letting every package import tfjs-core itself) keeps one
// engine in the graph and lets the backend interface evolve without touching them.

export type {
  DataType,
  KernelBackend,
  KernelFunc,
  NamedTensorMap,
  Rank,
  Scalar,
  Tensor,
  Tensor1D,
  Tensor2D,
  Tensor3D,
  TensorInfo,
  TensorLike,
  TypedArray,
  Variable,
} from '@tensorflow/tfjs-core';
export * as tf from '@tensorflow/tfjs-core';
