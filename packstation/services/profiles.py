"""Column-mapping profiles: the bundled ones and the shop's own (configuration folder)."""

from __future__ import annotations

from pathlib import Path

from packstation.core import paths
from packstation.services.context import StationConfig


def profiles_dir(config: StationConfig | None = None) -> Path:
    if config is not None and config.raw.get("import", {}).get("profiles"):
        return Path(config.raw["import"]["profiles"])
    return paths.config_dir() / "profiles"


def load_all_profiles(config: StationConfig | None = None) -> list:
    from packstation.io import profiles

    found = []
    folder = profiles_dir(config)
    if folder.is_dir():
        found += profiles.load_profiles(folder)
    bundled = getattr(profiles, "bundled_profiles", None)
    if bundled is not None:
        names = {profile.name for profile in found}
        found += [profile for profile in bundled() if profile.name not in names]
    return found
