"""pytest fixtures that start agent-tasks-emulator once per run and give each test a tenant.

The emulator is started with --ready-json on port 0: once it listens it prints one JSON line
(url, tokens, version, pid), so nothing here parses the human banner or guesses a port.

Which emulator: the command in AGENT_TASKS_EMULATOR (for example "node dist/main.js" in a clone
of the emulator), else node_modules/.bin/agent-tasks-emulator in this folder or one above it (an
npm project that has it as a dev dependency), else `agent-tasks-emulator` on PATH. Not through npx:
npx does not pass SIGTERM on, so the emulator could not shut down cleanly.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import requests


def _command() -> list:
    if os.environ.get("AGENT_TASKS_EMULATOR"):
        return shlex.split(os.environ["AGENT_TASKS_EMULATOR"])
    folder = Path.cwd().resolve()
    for parent in [folder, *folder.parents]:
        local = parent / "node_modules" / ".bin" / "agent-tasks-emulator"
        if local.exists():
            return [str(local)]
    if shutil.which("agent-tasks-emulator"):
        return ["agent-tasks-emulator"]
    raise RuntimeError("agent-tasks-emulator not found: npm install --save-dev agent-tasks-emulator, or set AGENT_TASKS_EMULATOR")


@pytest.fixture(scope="session")
def emulator():
    """One emulator for the whole run, on a free port, its clock frozen (tests move it)."""
    # --log-level error: nothing else is written to stdout, so the pipe never fills up.
    args = _command() + ["serve", "--port", "0", "--clock", "manual", "--ready-json", "--log-level", "error"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode} before listening:\n{proc.stderr.read()}")
    ready = json.loads(line)
    try:
        yield ready
    finally:
        proc.terminate()  # SIGTERM: requests in flight finish, then it exits 0
        assert proc.wait(timeout=10) == 0


class Tenant:
    """A world of one's own on the shared emulator: its own tasks, clock and rate limits."""

    def __init__(self, ready: dict, name: str):
        self.name = name
        self.url = ready["url"] + "/t/" + name
        self.tokens = ready["tokens"]

    def control(self, method: str, path: str, body=None) -> dict:
        r = requests.request(method, f"{self.url}/_emulator{path}", json=body, timeout=30)
        r.raise_for_status()
        return r.json() if r.content else {}

    def advance(self, seconds: float) -> None:
        """Moves this tenant's clock; pass it as `sleep` to code that polls."""
        self.control("POST", "/clock/advance", {"by": f"{int(seconds * 1000)}ms"})


@pytest.fixture
def tenant(emulator, request) -> Tenant:
    """A tenant named after the test, so tests can run in parallel (pytest-xdist) without meeting."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", request.node.name).strip("-")[:40] + "-" + uuid.uuid4().hex[:8]
    return Tenant(emulator, name)
