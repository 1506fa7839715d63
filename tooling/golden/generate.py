#!/usr/bin/env python3
"""Recompute the golden values in the test fixtures with the upstream LassoNet package.

    LASSONET_REF=<folder holding the lassonet package> python3 tooling/golden/generate.py [--check]

Reads the inputs of every case from the committed fixture files, computes the outputs with
upstream's own functions on PyTorch in float32, and rewrites the files (or, with --check, only
compares). With --new --seed N it first draws fresh inputs of the same shapes. See README.md.

Environment:
  LASSONET_REF     a folder holding upstream's `lassonet` Python package (a checkout of it)
  LASSONET_PYTHON  a Python with torch, scipy and sortedcontainers (default: python3)
  LASSONET_COMMIT  the upstream commit to record, when LASSONET_REF is not a git checkout

When either of the first two is missing the script says so in one line and exits 0, leaving the
fixtures as they are.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The fixture files, under the names --only takes.
FIXTURES = {
    "hier-prox": REPO / "packages/hier-prox/test/fixtures/hier-prox.json",
    "group-hier-prox": REPO / "packages/hier-prox/test/fixtures/group-hier-prox.json",
    "cox": REPO / "packages/model/test/fixtures/cox.json",
    "l2-objective": REPO / "packages/model/test/fixtures/l2-objective.json",
}

# Set when this script runs itself again under LASSONET_PYTHON.
WORKER_ENV = "LASSONET_GOLDEN_WORKER"

# Outputs are stored rounded like the inputs: float32 carries about 7 significant digits.
DECIMALS = 7


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Recompute the golden fixture values with upstream LassoNet (float32)."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare with the committed values instead of rewriting; exit 1 on differences",
    )
    parser.add_argument(
        "--atol", type=float, default=1e-5, help="absolute tolerance of --check (default 1e-5)"
    )
    parser.add_argument(
        "--rtol", type=float, default=1e-5, help="relative tolerance of --check (default 1e-5)"
    )
    parser.add_argument(
        "--new",
        action="store_true",
        help="draw fresh random inputs (same shapes and parameters) before computing",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for --new (default 0)")
    parser.add_argument(
        "--only",
        choices=sorted(FIXTURES),
        action="append",
        help="limit to one fixture file (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.check and args.new:
        parser.error("--check compares the committed inputs; it cannot be combined with --new")
    return args


# ---------------------------------------------------------------------------------------------
# Preconditions: run under a Python that has torch, or explain what is missing and stop.


def reference_dir() -> Path | None:
    ref = os.environ.get("LASSONET_REF")
    if not ref:
        print("golden: LASSONET_REF is not set (a folder with the lassonet package); nothing done")
        return None
    path = Path(ref).expanduser().resolve()
    if not (path / "lassonet" / "prox.py").is_file():
        print(f"golden: {path} has no lassonet/prox.py (LASSONET_REF); nothing done")
        return None
    return path


def relaunch_under_reference_python(argv: list[str]) -> int | None:
    """Runs this script under LASSONET_PYTHON; None when that Python cannot do the work."""
    python = os.environ.get("LASSONET_PYTHON", "python3")
    executable = shutil.which(python)
    if executable is None:
        print(f"golden: no Python found at {python} (LASSONET_PYTHON); nothing done")
        return None
    probe = subprocess.run(
        [executable, "-c", "import torch, scipy, sortedcontainers"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        missing = (probe.stderr.strip().splitlines() or ["import failed"])[-1]
        print(f"golden: {python} lacks what upstream needs ({missing}); nothing done")
        return None
    env = dict(os.environ, **{WORKER_ENV: "1"})
    return subprocess.run([executable, str(Path(__file__).resolve()), *argv], env=env).returncode


# ---------------------------------------------------------------------------------------------
# Upstream.


def load_upstream(ref: Path) -> dict[str, types.ModuleType]:
    """Imports lassonet.prox, lassonet.cox and lassonet.model without the package's __init__.

    The __init__ pulls in the scikit-learn estimators and matplotlib plots, which the golden
    values do not need; a bare package object lets the submodules' relative imports resolve.
    """
    import importlib

    package = types.ModuleType("lassonet")
    package.__path__ = [str(ref / "lassonet")]
    sys.modules["lassonet"] = package
    return {name: importlib.import_module(f"lassonet.{name}") for name in ("prox", "cox", "model")}


def upstream_version(ref: Path) -> dict[str, str | None]:
    version = None
    for name in ("setup.py", "pyproject.toml"):
        path = ref / name
        if path.is_file():
            found = re.search(r"""version\s*=\s*["']([^"']+)["']""", path.read_text())
            if found:
                version = found.group(1)
                break
    commit = os.environ.get("LASSONET_COMMIT")
    if commit is None:
        rev = subprocess.run(
            ["git", "-C", str(ref), "rev-parse", "HEAD"], capture_output=True, text=True
        )
        commit = rev.stdout.strip() if rev.returncode == 0 else None
    return {"version": version, "commit": commit}


def rounded(x: float) -> float | None:
    # NaN has no JSON form; upstream gives it for a feature whose skip column is all zero.
    return None if math.isnan(x) else round(x, DECIMALS)


def rounded_rows(t) -> list[list[float | None]]:
    return [[rounded(x) for x in row] for row in t.tolist()]


class Weight:
    """The part of a torch Linear layer that upstream's in-place prox reads and writes."""

    def __init__(self, data):
        self.weight = types.SimpleNamespace(data=data)


def hier_prox_outputs(prox_module, case: dict) -> dict:
    import torch

    v = torch.tensor(case["v"], dtype=torch.float32)
    u = torch.tensor(case["u"], dtype=torch.float32)
    beta, theta = prox_module.prox(
        v, u, lambda_=case["lambda"], lambda_bar=case["lambdaBar"], M=case["M"]
    )
    return {"beta": rounded_rows(beta), "theta": rounded_rows(theta)}


def group_hier_prox_outputs(prox_module, case: dict) -> dict:
    import torch

    skip = Weight(torch.tensor(case["v"], dtype=torch.float32))
    hidden = Weight(torch.tensor(case["u"], dtype=torch.float32))
    prox_module.inplace_group_prox(
        case["groups"],
        skip,
        hidden,
        lambda_=case["lambda"],
        lambda_bar=case["lambdaBar"],
        M=case["M"],
    )
    return {"beta": rounded_rows(skip.weight.data), "theta": rounded_rows(hidden.weight.data)}


def cox_outputs(cox_module, case: dict) -> dict:
    import torch

    target = torch.tensor([case["durations"], case["events"]], dtype=torch.float32).T
    out: dict = {}
    for ties in ("breslow", "efron"):
        log_hazard = torch.tensor(case["logHazard"], dtype=torch.float32, requires_grad=True)
        loss = cox_module.CoxPHLoss(method=ties)(log_hazard, target)
        loss.backward()
        # The loss is kept as its exact float32 value; the gradient is rounded like the inputs.
        out[ties] = {
            "loss": float(loss.item()),
            "grad": [round(g, DECIMALS) for g in log_hazard.grad.tolist()],
        }
    out["concordance"] = cox_module.concordance_index(
        case["logHazard"], case["durations"], case["events"]
    )
    return out


def l2_objective_outputs(model_module, case: dict) -> dict:
    """Upstream's training objective and gradient, and its validation objective, on one batch.

    BaseLassoNet._train (lassonet/interfaces.py) steps on crit + gamma·l2_regularization() +
    gamma_skip·l2_regularization_skip() and compares crit + lambda·l1_regularization_skip() + the
    same L2 terms after every epoch. Those methods of lassonet/model.py read the weights' .data,
    so the L2 terms reach the objective and not the gradient. Weights are stored in this
    library's [in, out] orientation; torch's Linear holds [out, in].
    """
    import torch

    dims = [len(case["skip"]), *[len(layer["bias"]) for layer in case["layers"]]]
    net = model_module.LassoNet(*dims)
    with torch.no_grad():
        net.skip.weight.copy_(torch.tensor(case["skip"], dtype=torch.float32).T)
        for linear, layer in zip(net.layers, case["layers"]):
            linear.weight.copy_(torch.tensor(layer["weight"], dtype=torch.float32).T)
            linear.bias.copy_(torch.tensor(layer["bias"], dtype=torch.float32))
    X = torch.tensor(case["X"], dtype=torch.float32)
    if "labels" in case:
        criterion = torch.nn.CrossEntropyLoss(reduction="mean")
        y = torch.tensor(case["labels"], dtype=torch.int64)
    else:
        criterion = torch.nn.MSELoss(reduction="mean")
        y = torch.tensor(case["y"], dtype=torch.float32)
    gamma, gamma_skip = case["gamma"], case["gammaSkip"]
    crit = criterion(net(X), y)
    training = crit + gamma * net.l2_regularization() + gamma_skip * net.l2_regularization_skip()
    training.backward()
    with torch.no_grad():
        objective = (
            criterion(net(X), y).item()
            + case["lambda"] * net.l1_regularization_skip().item()
            + gamma * net.l2_regularization().item()
            + gamma_skip * net.l2_regularization_skip().item()
        )
    return {
        "loss": float(crit.item()),
        "objective": objective,
        "gradients": {
            "skip": rounded_rows(net.skip.weight.grad.T),
            "layers": [
                {
                    "weight": rounded_rows(linear.weight.grad.T),
                    "bias": [rounded(g) for g in linear.bias.grad.tolist()],
                }
                for linear in net.layers
            ],
        },
    }


COMPUTE = {
    "hier-prox": ("prox", hier_prox_outputs),
    "group-hier-prox": ("prox", group_hier_prox_outputs),
    "cox": ("cox", cox_outputs),
    "l2-objective": ("model", l2_objective_outputs),
}

# ---------------------------------------------------------------------------------------------
# Fresh inputs (--new): same names, shapes and parameters; new random numbers.


def fresh_inputs(kind: str, case: dict, generator) -> dict:
    import torch

    def normal_like(rows: list, zero_kept: bool) -> list:
        t = torch.tensor(rows, dtype=torch.float64)
        nonzero = t[t != 0]
        scale = float(nonzero.pow(2).mean().sqrt()) if nonzero.numel() else 1.0
        draw = torch.randn(t.shape, generator=generator, dtype=torch.float64) * scale
        if zero_kept:
            # Exact zeros (a dropped feature's skip column, dead hidden units) are the cases
            # the operator must handle specially; keep them where they were.
            draw[t == 0] = 0.0
        return [[round(x, DECIMALS) for x in row] for row in draw.tolist()]

    new = dict(case)
    if kind == "l2-objective":
        new["X"] = normal_like(case["X"], False)
        new["skip"] = normal_like(case["skip"], True)
        new["layers"] = [
            {
                "weight": normal_like(layer["weight"], False),
                "bias": normal_like([layer["bias"]], False)[0],
            }
            for layer in case["layers"]
        ]
        if "y" in case:
            new["y"] = normal_like(case["y"], False)
        return new
    if kind in ("hier-prox", "group-hier-prox"):
        new["v"] = normal_like(case["v"], True)
        new["u"] = normal_like(case["u"], True)
    else:
        n = len(case["logHazard"])
        low, high = int(min(case["durations"])), int(max(case["durations"]))
        rate = sum(case["events"]) / n
        log_hazard = torch.randn(n, generator=generator, dtype=torch.float64)
        # Whole-number durations from a short range keep plenty of tied event times.
        durations = torch.randint(low, high + 1, (n,), generator=generator)
        events = (torch.rand(n, generator=generator, dtype=torch.float64) < rate).double()
        new["logHazard"] = [round(x, DECIMALS) for x in log_hazard.tolist()]
        new["durations"] = [float(x) for x in durations.tolist()]
        new["events"] = events.tolist()
    return new


# ---------------------------------------------------------------------------------------------
# Comparison (--check).


def differences(old, new, path: str, atol: float, rtol: float, stats: dict) -> list[str]:
    if isinstance(new, dict):
        if not isinstance(old, dict):
            return [f"{path}: missing from the committed file"]
        found = []
        for key, value in new.items():
            found += differences(old.get(key), value, f"{path}.{key}", atol, rtol, stats)
        return found
    if isinstance(new, list):
        if not isinstance(old, list) or len(old) != len(new):
            return [f"{path}: shape differs"]
        found = []
        for i, (a, b) in enumerate(zip(old, new)):
            found += differences(a, b, f"{path}[{i}]", atol, rtol, stats)
        return found
    stats["compared"] += 1
    if old is None or new is None:
        return [] if old is None and new is None else [f"{path}: committed {old}, upstream {new}"]
    gap = abs(old - new)
    stats["max_abs"] = max(stats["max_abs"], gap)
    return [f"{path}: committed {old}, upstream {new}"] if gap > atol + rtol * abs(old) else []


# ---------------------------------------------------------------------------------------------
# Writing: the layout `pnpm biome format` gives, so the rewritten files pass `biome check`.

WIDTH = 100


def number_text(x) -> str:
    if isinstance(x, bool) or x is None:
        return json.dumps(x)
    text = repr(x)
    # Biome writes exponents without '+' or leading zeros: 9.83e-05 -> 9.83e-5.
    return re.sub(r"e([+-]?)0*(\d)", lambda m: "e" + m.group(1).replace("+", "") + m.group(2), text)


def flat(value) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{json.dumps(k)}: {flat(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    if isinstance(value, list):
        return "[" + ", ".join(flat(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return number_text(value)


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def emit(value, indent: int, column: int, suffix: str) -> str:
    """`value` printed at `column`, followed on the same line by `suffix` (a comma or nothing)."""
    if isinstance(value, dict) and value:
        # Objects stay one member per line; Biome keeps that layout.
        pad = " " * (indent + 2)
        members = []
        items = list(value.items())
        for i, (key, member) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            head = f"{pad}{json.dumps(key, ensure_ascii=False)}: "
            members.append(head + emit(member, indent + 2, len(head), comma) + comma)
        return "{\n" + "\n".join(members) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        one_line = flat(value)
        if column + len(one_line) + len(suffix) <= WIDTH:
            return one_line
        pad = " " * (indent + 2)
        if all(is_number(v) for v in value):
            # Numbers fill each line, as many as fit.
            lines, line = [], pad
            for i, v in enumerate(value):
                item = number_text(v) + ("," if i < len(value) - 1 else "")
                if line == pad:
                    line += item
                elif len(line) + 1 + len(item) <= WIDTH:
                    line += " " + item
                else:
                    lines.append(line)
                    line = pad + item
            lines.append(line)
            return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
        rows = []
        for i, v in enumerate(value):
            comma = "," if i < len(value) - 1 else ""
            rows.append(pad + emit(v, indent + 2, len(pad), comma) + comma)
        return "[\n" + "\n".join(rows) + "\n" + " " * indent + "]"
    return flat(value)


def write_atomically(path: Path, document: dict) -> None:
    text = emit(document, 0, 0, "") + "\n"
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # The temporary file sits beside the target so the rename cannot cross file systems.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        # mkstemp creates the file readable by its owner only.
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


# ---------------------------------------------------------------------------------------------


def run(args: argparse.Namespace, ref: Path) -> int:
    import warnings

    import torch

    # Some torch versions flag the scatter_reduce that upstream's Efron loss uses as beta.
    warnings.filterwarnings("ignore", message="scatter_reduce")

    modules = load_upstream(ref)
    version = upstream_version(ref)
    failed = False
    for kind in args.only or list(FIXTURES):
        path = FIXTURES[kind]
        document = json.loads(path.read_text(encoding="utf-8"))
        module_name, compute = COMPUTE[kind]
        generator = torch.Generator().manual_seed(args.seed)
        stats = {"compared": 0, "max_abs": 0.0}
        found: list[str] = []
        cases = []
        for case in document["cases"]:
            if args.new:
                case = fresh_inputs(kind, case, generator)
            outputs = compute(modules[module_name], case)
            if args.check:
                found += differences(case, outputs, case["name"], args.atol, args.rtol, stats)
            cases.append({**case, **outputs})
        relative = path.relative_to(REPO)
        if args.check:
            status = "differs" if found else "ok"
            print(
                f"{relative}: {status}, {stats['compared']} values, "
                f"max abs difference {stats['max_abs']:.3g}"
            )
            for line in found[:50]:
                print(f"  {line}")
            if len(found) > 50:
                print(f"  ... and {len(found) - 50} more")
            failed = failed or bool(found)
        else:
            document["cases"] = cases
            document.setdefault("provenance", {})["reproducedWith"] = version
            write_atomically(path, document)
            print(f"{relative}: rewrote {len(cases)} cases")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    ref = reference_dir()
    if ref is None:
        return 0
    if os.environ.get(WORKER_ENV) != "1":
        code = relaunch_under_reference_python(argv)
        return 0 if code is None else code
    return run(args, ref)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
