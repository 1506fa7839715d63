#!/usr/bin/env python3
"""One run of `pnpm parity` on the upstream LassoNet package; prints one JSON line.

    python3 upstream.py PROBLEM SEED WORKDIR [--gamma X] [--threads N]

Trains the default path (random_state = torch_seed = SEED) on WORKDIR/PROBLEM-SEED-train.csv,
written by data.py, then scores every step on the test rows: R² for the regressors, accuracy
for the classifier (digits). LASSONET_REF names the folder holding the upstream package.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

# The import helper is shared with upstream-bench.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "upstream-bench"))
from upstream_ref import import_upstream  # noqa: E402


def option(name: str):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


def read(path: Path):
    import numpy as np

    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return data[:, :-1].astype(np.float32), data[:, -1]


def main() -> None:
    problem, seed, work = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    import numpy as np
    import torch
    from sklearn.metrics import accuracy_score, r2_score

    if option("--threads") is not None:
        torch.set_num_threads(int(option("--threads")))
    import_upstream()
    from lassonet.interfaces import LassoNetClassifier, LassoNetRegressor

    X_train, y_train = read(work / f"{problem}-{seed}-train.csv")
    X_test, y_test = read(work / f"{problem}-{seed}-test.csv")
    settings = {"random_state": seed, "torch_seed": seed, "verbose": 0}
    if option("--gamma") is not None:
        settings["gamma"] = float(option("--gamma"))
    if problem == "digits":
        model = LassoNetClassifier(**settings)
        y_train, y_test = y_train.astype(np.int64), y_test.astype(np.int64)
    else:
        model = LassoNetRegressor(**settings)
        y_train, y_test = y_train.astype(np.float32), y_test.astype(np.float32)

    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = model.path(X_train, y_train, return_state_dicts=True)
    seconds = time.perf_counter() - start

    steps = []
    for item in path:
        model.load(item.state_dict)
        predicted = model.predict(X_test)
        score = (accuracy_score(y_test, predicted) if problem == "digits"
                 else r2_score(y_test, predicted.reshape(-1)))
        steps.append({"lambda": float(item.lambda_), "nSelected": int(item.selected.sum()),
                      "epochs": int(item.n_iters), "score": float(score)})
    print(json.dumps({
        "problem": problem, "seed": seed, "side": "upstream", "torch": torch.__version__,
        "threads": torch.get_num_threads(), "settings": settings, "seconds": seconds,
        "warnings": [str(w.message) for w in caught], "steps": steps,
    }))


if __name__ == "__main__":
    main()
