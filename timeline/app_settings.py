"""The few settings the dashboard reads, taken from whatever settings object the caller passes.

`timeline/settings.py` (pydantic-settings, owned by the CLI/storage side) is the user-facing source of
truth; this model names what the dashboard needs and gives defaults, so `create_app` works with that
object, with this one, or with None (tests).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class DashboardSettings(BaseModel):
    title: str = "News timeline"
    read_only: bool = Field(False, description="Hide every control that writes to the store")
    upload_max_bytes: int = Field(2_000_000, gt=0, description="Largest article file accepted")
    max_points: int = Field(2_000, gt=0, description="Events drawn one by one; above this, density bins")
    density_bins: int = Field(120, gt=0, description="Bins in the density strip")
    max_table_rows: int = Field(1_000, gt=0, description="Rows sent to the events table per view")
    user: str | None = Field(None, description="Name recorded in the audit trail for edits")


# Other spellings the shared settings object may use for the same thing.
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "app_title", "dashboard_title"),
    "read_only": ("read_only", "readonly"),
    "upload_max_bytes": ("upload_max_bytes", "max_upload_bytes", "upload_size_cap", "max_upload_size"),
    "max_points": ("max_points", "max_points_before_binning", "max_events_drawn"),
    "density_bins": ("density_bins", "bins"),
    "max_table_rows": ("max_table_rows", "table_rows"),
    "user": ("user",),
}


def dashboard_settings(settings: object | None = None, **overrides: Any) -> DashboardSettings:
    if isinstance(settings, DashboardSettings):
        base = settings.model_dump()
    else:
        base = {}
        for field, names in _ALIASES.items():
            for name in names:
                value = settings.get(name) if isinstance(settings, dict) else getattr(settings, name, None)
                if value is not None:
                    base[field] = value
                    break
    return DashboardSettings(**{**base, **overrides})
