# syntax=docker/dockerfile:1
# The emulator as a container image. Inside it listens on 0.0.0.0:4010; PORT (or
# AGENT_TASKS_PORT) moves it, and every other option has its AGENT_TASKS_* variable.
#   docker build -t agent-tasks-emulator .
#   docker run --rm -p 4010:4010 agent-tasks-emulator
#   docker run --rm -v "$PWD/fixtures:/fixtures:ro" agent-tasks-emulator validate --fixtures /fixtures
# The contract kit, with vitest, is the `contract` target:
#   docker build --target contract -t agent-tasks-emulator:contract .
#   docker run --rm -v "$PWD/report:/reports" agent-tasks-emulator:contract
# podman and buildah write OCI images by default, and the OCI format has no HEALTHCHECK: build
# with `--format docker` to keep it (podman build --format docker ...).
# test/package/dockerfile.test.ts checks this file; ../shared/tools/podman-image-check.sh builds it.

# An LTS line, slim: the emulator needs nothing from the full image.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts: `prepare` would build before the sources are copied; building is its own step.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4010
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. No scripts: `prepare` builds with TypeScript, a dev dependency.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY openapi ./openapi
COPY fixtures ./fixtures
COPY scenarios ./scenarios
# The contract suite, for `contract`; the `contract` target below adds the vitest it runs on.
COPY test/contract ./test/contract
COPY LICENSE ./LICENSE
# State lives here when asked for: -e AGENT_TASKS_STATE_FILE=/data/state.json -v state:/data.
# No VOLUME: it would leave an anonymous volume behind on every run without --rm.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4010
# Slim images have no curl; Node's own fetch asks the health endpoint on the port the CLI uses.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.AGENT_TASKS_PORT||process.env.PORT||4010)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself: requests in flight finish, then it exits 0.
ENTRYPOINT ["node", "dist/main.js"]
CMD ["serve"]

# `docker build --target contract`: the image plus vitest, the contract kit's optional peer, at
# the version the lockfile tests with. A plain `npm install vitest` in /app does nothing here: npm
# leaves out the root package's own optional peer (and NODE_ENV=production would leave out dev
# dependencies). So vitest gets a folder of its own, linked into /app/node_modules, where the
# contract command and the suite's files resolve it. Installed as root (/app is root's). With no
# arguments it runs the suite against a fresh emulator inside the container; give it
# `contract --base-url ...` or `contract --target github --token ... --repo ...` as for the CLI.
FROM runtime AS contract
USER root
RUN mkdir -p /opt/vitest && cd /opt/vitest && echo '{"private":true}' > package.json \
  && npm install --no-audit --no-fund "vitest@$(node -p "require('/app/package-lock.json').packages['node_modules/vitest'].version")" \
  && npm cache clean --force && ln -s /opt/vitest/node_modules/vitest /app/node_modules/vitest \
  && mkdir -p /reports && chown node:node /reports
USER node
CMD ["contract", "--out", "/reports"]

# The default target: the emulator alone.
FROM runtime
