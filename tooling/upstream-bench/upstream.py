#!/usr/bin/env python3
"""One case of `pnpm bench:upstream` on the upstream LassoNet package; prints one JSON line.

    python3 upstream.py CASE DATA.json [--threads N]

CASE is `mice` (the default classifier path), `wide` (a regression path over a fixed lambda
sequence with a fixed number of epochs) or `prox` (Hier-Prox at the sizes in DATA.json). The
data and the settings come from DATA.json, written by run.mjs, so both sides train on the same
numbers. LASSONET_REF names the folder holding the upstream `lassonet` package.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from upstream_ref import import_upstream


def main() -> None:
    case, data_path = sys.argv[1], sys.argv[2]
    threads = None
    if "--threads" in sys.argv:
        threads = int(sys.argv[sys.argv.index("--threads") + 1])
    import numpy as np
    import torch

    if threads is not None:
        torch.set_num_threads(threads)
    import_upstream()
    from lassonet.interfaces import LassoNetClassifier, LassoNetRegressor
    from lassonet.prox import prox

    data = json.loads(Path(data_path).read_text())
    out = {"case": case, "side": "upstream", "torch": torch.__version__,
           "threads": torch.get_num_threads()}
    if case == "prox":
        results = []
        for size in data["sizes"]:
            K, H, d = size["K"], size["H"], size["d"]
            v = torch.tensor(np.array(size["skip"], dtype=np.float32).reshape(d, K).T.copy())
            u = torch.tensor(np.array(size["hidden"], dtype=np.float32).reshape(d, H).T.copy())
            lam = data["lambda"]
            # Upstream steps with lambda times the learning rate; lambda_bar = 0 as in its path.
            for _ in range(size["warmup"]):
                prox(v, u, lambda_=lam, lambda_bar=0, M=data["M"])
            times = []
            for _ in range(size["repeats"]):
                start = time.perf_counter()
                prox(v, u, lambda_=lam, lambda_bar=0, M=data["M"])
                times.append(time.perf_counter() - start)
            results.append({"K": K, "H": H, "d": d, "ms": sorted(times)[len(times) // 2] * 1e3})
        out["sizes"] = results
    else:
        X = np.array(data["X"], dtype=np.float32)
        y = np.array(data["y"])
        settings = data["settings"]
        if case == "mice":
            model = LassoNetClassifier(verbose=0, torch_seed=0, random_state=0)
            y = y.astype(np.int64)
        else:
            model = LassoNetRegressor(
                verbose=0,
                torch_seed=0,
                random_state=0,
                hidden_dims=tuple(settings["hiddenDims"]),
                lambda_seq=settings["lambdaSeq"],
                n_iters=tuple(settings["nIters"]),
                patience=tuple(settings["patience"]),
            )
            y = y.astype(np.float32)
        start = time.perf_counter()
        path = model.path(X, y, return_state_dicts=False, disable_lambda_warning=True)
        out["seconds"] = time.perf_counter() - start
        out["lambdas"] = len(path) - 1
        out["epochs"] = int(sum(item.n_iters for item in path))
        out["selected"] = [int(item.selected.sum()) for item in path]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
