"""Build hook for the mypyc build (see the README): after the wheel is written, remove the
extension modules that hatch-mypyc compiles next to the sources, so that a checkout used with
``PYTHONPATH=src`` or an editable install never imports stale compiled copies of edited code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class RemoveInPlaceExtensions(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        for pattern in ("*.so", "*.pyd"):  # (Linux and macOS; Windows)
            for path in Path(self.root, "src").rglob(pattern):
                path.unlink()
