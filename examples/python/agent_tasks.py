"""The code under test: the seed article's dispatcher and poller, with the API's base URL, the
token and the way to wait passed in instead of read from globals, so a test can point it at the
emulator and move the emulator's clock instead of sleeping.

Python 3.9+, requests. Against GitHub: base_url="https://api.github.com", a user-to-server token.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

import requests

API_VERSION = "2026-03-10"
TERMINAL = {"completed", "failed", "timed_out", "cancelled"}
# waiting_for_user is not terminal, but a headless script has no human to answer: stop there too.
STOP = TERMINAL | {"waiting_for_user"}


@dataclass
class AgentTasks:
    base_url: str
    token: str
    # How the poller waits between reads; tests pass one that moves the emulator's clock.
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)

    def _headers(self) -> dict:
        return {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": API_VERSION,
            "Authorization": f"Bearer {self.token}",
        }

    def start_task(self, repo: str, prompt: str, base_ref: str = "main", create_pull_request: bool = True) -> dict:
        r = self.session.post(
            f"{self.base_url}/agents/repos/{repo}/tasks",
            headers=self._headers(),
            json={"prompt": prompt, "base_ref": base_ref, "create_pull_request": create_pull_request},
            timeout=30,
        )
        r.raise_for_status()
        return r.json()

    def get_task(self, repo: str, task_id: str) -> dict:
        r = self.session.get(f"{self.base_url}/agents/repos/{repo}/tasks/{task_id}", headers=self._headers(), timeout=30)
        r.raise_for_status()
        return r.json()

    def wait(self, repo: str, task_id: str, every: float = 15, cap: float = 1800) -> dict:
        """Polls until the task reaches a stop state; at most `cap` seconds of waiting."""
        waited = 0.0
        while waited <= cap:
            task = self.get_task(repo, task_id)
            if task["state"] in STOP:
                return task
            self.sleep(every)
            waited += every
        raise TimeoutError(f"task {task_id} did not finish within {cap}s")

    def list_tasks(self, repo: str | None = None, **query) -> list:
        path = f"/agents/repos/{repo}/tasks" if repo else "/agents/tasks"
        r = self.session.get(f"{self.base_url}{path}", headers=self._headers(), params=query, timeout=30)
        r.raise_for_status()
        return r.json()["tasks"]

    def fan_out(self, repos: Iterable[str], prompt: str, every: float = 15, cap: float = 1800) -> dict:
        """Dispatches the same task to every repository, then waits on each: {repo: final task}."""
        dispatched = [(repo, self.start_task(repo, prompt)["id"]) for repo in repos]
        return {repo: self.wait(repo, task_id, every=every, cap=cap) for repo, task_id in dispatched}


def pull_request_of(task: dict) -> dict | None:
    """The pull request a completed task produced: its `pull` artifact, with the session's branch."""
    pull = next((a for a in task.get("artifacts", []) if a.get("type") == "pull"), None)
    if pull is None:
        return None
    head_ref = next((s.get("head_ref") for s in reversed(task.get("sessions", [])) if s.get("head_ref")), None)
    return {**pull["data"], "head_ref": head_ref}
