#!/usr/bin/env bash
# Smoke test of a built image: health, one API call, the HEALTHCHECK turns healthy, SIGTERM exits
# 0. The release workflow pushes only an image that passed this.
# Usage: bash .ci/smoke-image.sh IMAGE   (DOCKER=podman to use podman; extra run flags in RUN_FLAGS)
set -euo pipefail
IMAGE=${1:?usage: smoke-image.sh IMAGE}
DOCKER=${DOCKER:-docker}
read -r -a RUN_FLAGS <<<"${RUN_FLAGS:-}"
NAME=agent-tasks-smoke-$$
PORT=${PORT_ON_HOST:-14010}
TOKEN=ghp_octocatEmulatorClassicToken000000000
fail() { echo "smoke-image: FAIL: $*"; "$DOCKER" logs "$NAME" 2>&1 | tail -20 || true; exit 1; }
trap '"$DOCKER" rm -f "$NAME" >/dev/null 2>&1 || true' EXIT

"$DOCKER" run "${RUN_FLAGS[@]}" -d --name "$NAME" -p "127.0.0.1:$PORT:4010" "$IMAGE" >/dev/null
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null || fail "no health answer"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'X-GitHub-Api-Version: 2026-03-10' \
  -d '{"prompt":"smoke test of the image"}' "http://127.0.0.1:$PORT/agents/repos/octocat/hello-world/tasks")
[ "$code" = 201 ] || fail "POST a task answered $code"
echo "health 200, POST 201"

# The HEALTHCHECK's first run comes after its interval (10 s); docker schedules it, and podman
# without systemd does not, so `healthcheck run` asks for one where the command exists.
if [ "$DOCKER" = podman ]; then "$DOCKER" healthcheck run "$NAME" >/dev/null 2>&1 || true; fi
status=starting
for _ in $(seq 1 30); do
  status=$("$DOCKER" inspect "$NAME" --format '{{.State.Health.Status}}' 2>/dev/null || echo none)
  [ "$status" = healthy ] && break
  sleep 1
done
[ "$status" = healthy ] || fail "HEALTHCHECK status is $status (built without --format docker?)"
echo "HEALTHCHECK healthy"

"$DOCKER" stop -t 10 "$NAME" >/dev/null
[ "$("$DOCKER" inspect "$NAME" --format '{{.State.ExitCode}}')" = 0 ] || fail "SIGTERM did not exit 0"
echo "SIGTERM exit 0"
echo "smoke-image: passed"
