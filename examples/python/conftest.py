"""pytest fixtures that start agent-tasks-emulator once per run and give each test a tenant.

The emulator is started with --ready-json on port 0: once it listens it prints one JSON line
(url, tokens, version, pid), so nothing here parses the human banner or guesses a port.

Which emulator: the command in AGENT_TASKS_EMULATOR (for example "node dist/main.js" in a clone,
or "docker run --rm -p 4010:4010 ..." is NOT supported: it must print the ready line itself), else
`agent-tasks-emulator` on PATH, else `npx --no-install agent-tasks-emulator` (an npm project that
has it as a dev dependency).
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import uuid

import pytest
import requests


def _command() -> list:
    if os.environ.get("AGENT_TASKS_EMULATOR"):
        return shlex.split(os.environ["AGENT_TASKS_EMULATOR"])
    if shutil.which("agent-tasks-emulator"):
        return ["agent-tasks-emulator"]
    return ["npx", "--no-install", "agent-tasks-emulator"]


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
