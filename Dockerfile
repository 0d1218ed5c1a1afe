# syntax=docker/dockerfile:1
# The emulator as a container image. Inside it listens on 0.0.0.0:4010; PORT (or
# AGENT_TASKS_PORT) moves it, and every other option has its AGENT_TASKS_* variable.
#   docker build -t agent-tasks-emulator .
#   docker run --rm -p 4010:4010 agent-tasks-emulator
#   docker run --rm -v "$PWD/fixtures:/fixtures:ro" agent-tasks-emulator validate --fixtures /fixtures
# test/package/dockerfile.test.ts checks this file, since CI has no Docker engine to build it.

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

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4010
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. No scripts: `prepare` builds with TypeScript, a dev dependency.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY openapi ./openapi
COPY fixtures ./fixtures
COPY scenarios ./scenarios
# The contract suite, for `contract` (which also needs vitest: npm install vitest in a derived image).
COPY test/contract ./test/contract
# State lives here when asked for: -e AGENT_TASKS_STATE_FILE=/data/state.json -v state:/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4010
# Slim images have no curl; Node's own fetch asks the health endpoint on the port the CLI uses.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.AGENT_TASKS_PORT||process.env.PORT||4010)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself: requests in flight finish, then it exits 0.
ENTRYPOINT ["node", "dist/main.js"]
CMD ["serve"]
