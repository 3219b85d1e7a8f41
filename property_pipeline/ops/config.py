"""Operations settings from the environment: sensor cadence, settle time, schedule, alerts."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_UI_URL = "http://127.0.0.1:3000"


@dataclass(frozen=True)
class OpsSettings:
    # 30 s keeps the daemon's load negligible while a new folder still starts within a minute.
    sensor_interval_s: int = 30
    # A file modified within this many seconds may still be being written.
    settle_s: float = 60.0
    schedule_cron: str = "30 0 * * *"
    schedule_timezone: str = "America/Phoenix"
    alert_webhook: str | None = None
    ui_url: str = DEFAULT_UI_URL
    alert_timeout_s: float = 10.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "OpsSettings":
        env = os.environ if env is None else env
        return cls(
            sensor_interval_s=int(env.get("PROPERTY_PIPELINE_SENSOR_INTERVAL_S", "30")),
            settle_s=float(env.get("PROPERTY_PIPELINE_SETTLE_S", "60")),
            schedule_cron=env.get("PROPERTY_PIPELINE_CLOSE_DAY_CRON", "30 0 * * *"),
            schedule_timezone=env.get("PROPERTY_PIPELINE_TIMEZONE", "America/Phoenix"),
            alert_webhook=env.get("PROPERTY_PIPELINE_ALERT_WEBHOOK") or None,
            ui_url=(env.get("PROPERTY_PIPELINE_UI_URL") or DEFAULT_UI_URL).rstrip("/"),
            alert_timeout_s=float(env.get("PROPERTY_PIPELINE_ALERT_TIMEOUT_S", "10")),
        )
