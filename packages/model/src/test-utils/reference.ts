// A float64 LassoNet in plain TypeScript, independent of tfjs: the finite-difference reference
// for the explicit backward pass.

export interface RefParams {
  skip: number[][];
  layers: { weight: number[][]; bias: number[] }[];
  logSigma?: number;
}

/** f(X) with ReLU hidden layers; masks[l][i][k] multiplies hidden unit k of sample i. */
export function refForward(p: RefParams, X: number[][], masks?: (number[][] | null)[]): number[][] {
  return X.map((x, i) => {
    let a = x;
    p.layers.forEach((layer, l) => {
      const last = l === p.layers.length - 1;
      const next = layer.bias.map((b, k) => {
        let z = b;
        a.forEach((ai, j) => {
          z += ai * (layer.weight[j]?.[k] as number);
        });
        if (last) return z;
        const relu = Math.max(0, z);
        return relu * (masks?.[l]?.[i]?.[k] ?? 1);
      });
      a = next;
    });
    return a.map((o, k) => o + x.reduce((s, xj, j) => s + xj * (p.skip[j]?.[k] as number), 0));
  });
}

export function refMse(out: number[][], y: number[][]): number {
  let s = 0;
  for (const [i, row] of out.entries()) {
    for (const [k, o] of row.entries()) s += (o - (y[i]?.[k] as number)) ** 2;
  }
  return s / (out.length * (out[0]?.length ?? 1));
}

export function refCrossEntropy(out: number[][], labels: number[], classWeight?: number[]): number {
  let num = 0;
  let den = 0;
  out.forEach((row, i) => {
    const label = labels[i] as number;
    const max = Math.max(...row);
    const lse = max + Math.log(row.reduce((s, o) => s + Math.exp(o - max), 0));
    const w = classWeight?.[label] ?? 1;
    num += w * (lse - (row[label] as number));
    den += w;
  });
  return num / den;
}

/** sum_{l>=2} ||W_l||² and ||S||². */
export function refL2(p: RefParams): { hidden: number; skip: number } {
  const sq = (m: number[][]) => m.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
  return { hidden: p.layers.slice(1).reduce((s, l) => s + sq(l.weight), 0), skip: sq(p.skip) };
}

/** Every scalar parameter as a getter/setter pair, for perturbing one at a time. */
export function parameterSlots(
  p: RefParams,
): { name: string; get(): number; set(v: number): void }[] {
  const slots: { name: string; get(): number; set(v: number): void }[] = [];
  const matrix = (m: number[][], name: string) => {
    for (const [i, row] of m.entries()) {
      for (const j of row.keys()) {
        slots.push({
          name: `${name}[${i}][${j}]`,
          get: () => row[j] as number,
          set: (v) => {
            row[j] = v;
          },
        });
      }
    }
  };
  matrix(p.skip, 'skip');
  p.layers.forEach((layer, l) => {
    matrix(layer.weight, `layers[${l}].weight`);
    for (const k of layer.bias.keys()) {
      slots.push({
        name: `layers[${l}].bias[${k}]`,
        get: () => layer.bias[k] as number,
        set: (v) => {
          layer.bias[k] = v;
        },
      });
    }
  });
  if (p.logSigma !== undefined) {
    slots.push({
      name: 'logSigma',
      get: () => p.logSigma as number,
      set: (v) => {
        p.logSigma = v;
      },
    });
  }
  return slots;
}

/** Central differences of f at every slot, in float64. */
export function finiteDifferences(
  p: RefParams,
  f: (p: RefParams) => number,
  h = 1e-6,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const slot of parameterSlots(p)) {
    const x = slot.get();
    slot.set(x + h);
    const up = f(p);
    slot.set(x - h);
    const down = f(p);
    slot.set(x);
    result.set(slot.name, (up - down) / (2 * h));
  }
  return result;
}
