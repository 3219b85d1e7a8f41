"""Slack-compatible alert messages for failed runs, and their delivery by webhook.

The message names what a person needs to act without opening anything else:
the run, the partition, each failed step and blocking check with its message,
and a link to the run in the web UI.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Slack rejects a section text over 3000 characters; stack traces can be far longer.
MAX_DETAIL_CHARS = 1500


@dataclass(frozen=True)
class Failure:
    kind: str  # "step" or "check"
    name: str
    message: str


@dataclass(frozen=True)
class RunAlert:
    run_id: str
    job_name: str
    partition: str | None
    failures: list[Failure] = field(default_factory=list)
    summary: str = ""

    def run_url(self, ui_url: str) -> str:
        return f"{ui_url.rstrip('/')}/runs/{self.run_id}"


def _clip(text: str, limit: int = MAX_DETAIL_CHARS) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_message(alert: RunAlert, ui_url: str, succeeded: bool = False) -> dict:
    """`{"text": ..., "blocks": [...]}`: `text` is the notification fallback, the blocks the detail.
    `succeeded`: the run itself succeeded and only (non-blocking) checks failed."""
    url = alert.run_url(ui_url)
    partition = alert.partition or "(not partitioned)"
    checks = [f for f in alert.failures if f.kind == "check"]
    steps = [f for f in alert.failures if f.kind == "step"]
    what = ", ".join(f"check {f.name}" for f in checks) or ", ".join(f"step {f.name}" for f in steps) or "run"
    headline = "run succeeded with failed checks" if succeeded else "run failed"
    text = f"property_pipeline {headline}: {alert.job_name} partition {partition}: {what} failed. Run {alert.run_id}: {url}"
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"{headline.capitalize()}: {alert.job_name}"}},
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*Partition*\n{partition}"},
                {"type": "mrkdwn", "text": f"*Run*\n<{url}|{alert.run_id}>"},
            ],
        },
    ]
    for failure in checks + steps:
        label = "Check failed" if failure.kind == "check" else "Step failed"
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"*{label}: `{failure.name}`*\n```{_clip(failure.message) or '(no message)'}```"},
            }
        )
    if not alert.failures and alert.summary:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"```{_clip(alert.summary)}```"}})
    blocks.append({"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open run"}, "url": url}]})
    return {"text": text, "blocks": blocks}


def post_json(url: str, payload: dict, timeout_s: float = 10.0) -> bool:
    """POST once; True on a 2xx. Never raises: an unreachable webhook must not stop the
    sensor loop, and retrying here would stack up behind a slow endpoint every tick."""
    if not url.lower().startswith(("http://", "https://")):
        # urllib would also open file:// and ftp:// URLs; a webhook is only ever HTTP(S).
        log.warning("alert webhook is not an http(s) URL; not sent")
        return False
    data = json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            ok = 200 <= response.status < 300
            if not ok:
                log.warning("alert webhook answered HTTP %s", response.status)
            return ok
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("alert webhook POST failed: %s", exc)
        return False


def check_changes(previous: dict[str, bool] | None, current: dict[str, bool]) -> tuple[list[str], list[str]]:
    """Which checks of a partition's run to alert on: (newly failed, recovered).

    `previous` and `current` map check names to passed, for the partition's previous run
    and this one. A check that failed before and fails again was alerted already and is not
    repeated; one that failed before and passes now is a recovery, sent as well.
    """
    before = previous or {}
    failed = sorted(name for name, passed in current.items() if not passed and before.get(name, True))
    recovered = sorted(name for name, passed in current.items() if passed and before.get(name) is False)
    return failed, recovered


def build_recovery_message(alert: RunAlert, recovered: list[str], ui_url: str) -> dict:
    """The all-clear after an alert: which checks (or the run itself) passed again, and where."""
    url = alert.run_url(ui_url)
    partition = alert.partition or "(not partitioned)"
    what = ", ".join(recovered)
    text = f"property_pipeline recovered: {alert.job_name} partition {partition}: {what} passing again. Run {alert.run_id}: {url}"
    return {
        "text": text,
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": f"Recovered: {alert.job_name}"}},
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*Partition*\n{partition}"},
                    {"type": "mrkdwn", "text": f"*Passing again*\n{what}"},
                ],
            },
            {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open run"}, "url": url}]},
        ],
    }
