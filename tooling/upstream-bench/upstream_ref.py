"""Makes `import lassonet.…` load the upstream package from LASSONET_REF (shared by the harnesses)."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path


def import_upstream() -> None:
    ref = Path(os.environ["LASSONET_REF"]).resolve()
    # The package's __init__ also imports its plotting module (matplotlib), which the path does
    # not need: register an empty package whose submodules load from the checkout.
    package = types.ModuleType("lassonet")
    package.__path__ = [str(ref / "lassonet")]
    sys.modules["lassonet"] = package
