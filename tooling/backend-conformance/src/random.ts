// The suite's inputs come from the same seeded generator users get from @lassonet/datasets.
export { mulberry32, Random } from '@lassonet/datasets';
