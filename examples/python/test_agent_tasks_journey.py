"""The seed article's journey against the emulator: dispatch, poll to a stop state, fan out over
repositories, find the pull request, and the gotchas it warns about."""
import pytest
import requests

from agent_tasks import STOP, AgentTasks, pull_request_of


@pytest.fixture
def client(tenant) -> AgentTasks:
    return AgentTasks(base_url=tenant.url, token=tenant.tokens["octocat"], sleep=tenant.advance)


def test_ready_line_names_url_tokens_version_and_pid(emulator):
    assert emulator["url"].startswith("http://127.0.0.1:")
    assert emulator["tokens"]["octocat"].startswith("ghp_")
    assert emulator["version"] and emulator["pid"] > 0
    assert requests.get(emulator["health_url"], timeout=5).json()["status"] == "ok"


def test_dispatch_answers_queued_with_an_id(client):
    task = client.start_task("octocat/hello-world", "Replace every direct call to fetch() in src/ with ApiClient.")
    assert task["state"] == "queued"
    assert task["id"]
    assert client.get_task("octocat/hello-world", task["id"])["state"] == "queued"  # the clock is frozen


def test_poll_to_completed_and_find_the_pull_request(client):
    task = client.start_task("octocat/hello-world", "Bump the lockfile to resolve the CVE in the http client.")
    final = client.wait("octocat/hello-world", task["id"])
    assert final["state"] == "completed"
    pull = pull_request_of(final)
    assert pull is not None and pull["id"] > 0
    assert pull["head_ref"].startswith("copilot/")


def test_without_create_pull_request_there_is_a_branch_and_no_pull_request(client):
    task = client.start_task("octocat/hello-world", "Draft the release notes.", create_pull_request=False)
    final = client.wait("octocat/hello-world", task["id"])
    assert final["state"] == "completed"
    assert pull_request_of(final) is None
    assert [a["type"] for a in final["artifacts"]] == ["branch"]


@pytest.mark.parametrize("scenario, stop_state", [
    ("waits-for-user", "waiting_for_user"),  # not terminal, but a headless script stops there
    ("fails", "failed"),
    ("times-out", "timed_out"),
    ("cancelled", "cancelled"),
])
def test_poll_stops_at_every_stop_state(tenant, client, scenario, stop_state):
    tenant.control("POST", "/outcomes", {"scenarios": [scenario]})
    task = client.start_task("octocat/hello-world", "Migrate the logging calls.")
    final = client.wait("octocat/hello-world", task["id"], cap=2 * 3600)  # times-out takes an hour
    assert final["state"] == stop_state
    assert final["state"] in STOP


def test_poll_gives_up_at_its_cap(tenant, client):
    tenant.control("POST", "/outcomes", {"scenarios": ["slow-queue"]})
    task = client.start_task("octocat/hello-world", "Wait in the queue.")
    with pytest.raises(TimeoutError):
        client.wait("octocat/hello-world", task["id"], every=1, cap=2)


def test_fan_out_over_repositories(client):
    repos = ["octocat/hello-world", "octocat/spoon-knife", "octo-org/octo-repo"]
    finals = client.fan_out(repos, "Migrate the logging calls to Logger.forContext(). Do not change log levels.")
    assert sorted(finals) == sorted(repos)
    assert {task["state"] for task in finals.values()} == {"completed"}
    assert all(pull_request_of(task) for task in finals.values())
    # GET /agents/tasks is the dashboard: every task the caller started, across repositories.
    mine = {task["id"] for task in client.list_tasks(per_page=100, sort="created_at", direction="desc")}
    assert {task["id"] for task in finals.values()} <= mine


def test_check_existing_tasks_before_dispatching_a_duplicate(client):
    # Dispatch is not idempotent: a blind retry starts a second task.
    first = client.start_task("octocat/spoon-knife", "Add a contributing guide.")
    second = client.start_task("octocat/spoon-knife", "Add a contributing guide.")
    assert first["id"] != second["id"]
    listed = [t for t in client.list_tasks("octocat/spoon-knife", state="queued") if t["name"] == "Add a contributing guide."]
    assert {t["id"] for t in listed} == {first["id"], second["id"]}


def test_each_test_has_a_tenant_of_its_own(tenant, client):
    task = client.start_task("octocat/hello-world", "Only in this tenant.")
    other = AgentTasks(base_url=tenant.url.rsplit("/t/", 1)[0] + "/t/" + tenant.name + "-other", token=client.token)
    assert task["id"] not in {t["id"] for t in other.list_tasks("octocat/hello-world", per_page=100, state="queued")}


def test_an_installation_token_is_refused(tenant):
    # The article's gotcha: GitHub App installation tokens do not work on these endpoints.
    bot = AgentTasks(base_url=tenant.url, token=tenant.tokens["installation"])
    with pytest.raises(requests.HTTPError) as refused:
        bot.start_task("octocat/hello-world", "From a bot.")
    assert refused.value.response.status_code == 403
