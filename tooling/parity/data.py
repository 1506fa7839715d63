#!/usr/bin/env python3
"""The data of `pnpm parity`, from scikit-learn: one train/test split per problem and seed.

    python3 data.py WORKDIR [--problems diabetes,digits,friedman1] [--seeds 0,1,2]

Writes WORKDIR/PROBLEM-SEED-train.csv and WORKDIR/PROBLEM-SEED-test.csv: columns x0, x1, …
and y. The split is train_test_split(test_size=0.25, random_state=SEED), stratified for digits.
X is standardized with the mean and sd of the training rows (a constant column is only
centred); for the regression problems y is too, which leaves R² as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROBLEMS = ("diabetes", "digits", "friedman1")


def load(problem: str, seed: int):
    from sklearn import datasets

    if problem == "diabetes":
        return datasets.load_diabetes(return_X_y=True)
    if problem == "digits":
        return datasets.load_digits(return_X_y=True)
    if problem == "friedman1":
        return datasets.make_friedman1(n_samples=1000, n_features=10, noise=1.0, random_state=seed)
    raise SystemExit(f"unknown problem {problem!r} (known: {', '.join(PROBLEMS)})")


def standardize(train, test):
    import numpy as np

    mean = train.mean(axis=0)
    # Constant columns (digits' blank pixels) stay 0 after centring instead of turning to NaN.
    sd = np.where(train.std(axis=0) == 0, 1.0, train.std(axis=0))
    return (train - mean) / sd, (test - mean) / sd


def write(path: Path, X, y) -> None:
    import numpy as np

    header = ",".join([f"x{j}" for j in range(X.shape[1])] + ["y"])
    # 17 significant digits: both sides read the very same doubles.
    np.savetxt(path, np.column_stack([X, y]), fmt="%.17g", delimiter=",", header=header,
               comments="")


def main() -> None:
    work = Path(sys.argv[1])
    problems = list(PROBLEMS)
    seeds = [0, 1, 2]
    if "--problems" in sys.argv:
        problems = sys.argv[sys.argv.index("--problems") + 1].split(",")
    if "--seeds" in sys.argv:
        seeds = [int(s) for s in sys.argv[sys.argv.index("--seeds") + 1].split(",")]
    from sklearn.model_selection import train_test_split

    for problem in problems:
        for seed in seeds:
            X, y = load(problem, seed)
            X_train, X_test, y_train, y_test = train_test_split(
                X, y, test_size=0.25, random_state=seed,
                stratify=y if problem == "digits" else None,
            )
            X_train, X_test = standardize(X_train, X_test)
            if problem != "digits":
                y_train, y_test = standardize(y_train, y_test)
            write(work / f"{problem}-{seed}-train.csv", X_train, y_train)
            write(work / f"{problem}-{seed}-test.csv", X_test, y_test)


if __name__ == "__main__":
    main()
