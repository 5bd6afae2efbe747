# The Confab reference server (`confab-server`) as an image.
#   docker build -t confab-server .
#   docker run -p 8787:8787 -v confab-data:/data confab-server              # one process on SQLite
#   docker run -e DATABASE_URL=… -e REDIS_URL=… -e CONFAB_JWT_SECRET=… confab-server   # one of many
# compose.yaml runs three of them behind nginx; deploy/kubernetes/ has the manifests.

# Build: every workspace's dist/, then the production dependencies alone.
FROM node:20-slim AS build
# better-sqlite3 compiles from source where no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/protocol/package.json packages/protocol/
COPY packages/conformance/package.json packages/conformance/
COPY packages/core/package.json packages/core/
COPY packages/elements/package.json packages/elements/
COPY packages/server/package.json packages/server/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY rollup.config.mjs tsconfig.json ./
COPY packages packages
RUN npx rollup -c --silent
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

# Run: Node, the production dependencies and the built packages the server loads; no compiler, not root.
FROM node:20-slim
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=8787 \
  CONFAB_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/protocol/package.json packages/protocol/
COPY --from=build /app/packages/protocol/dist packages/protocol/dist
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/elements/package.json packages/elements/
COPY --from=build /app/packages/elements/dist packages/elements/dist
COPY --from=build /app/packages/server/package.json packages/server/
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/server/bin packages/server/bin
COPY --from=build /app/packages/server/public packages/server/public
RUN ln -s /app/packages/server/bin/confab-server.js /usr/local/bin/confab-server \
  && mkdir -p /data/uploads && chown -R node:node /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Arguments go to confab-server: `docker run confab-server migrate`, `… token --user alice`.
ENTRYPOINT ["confab-server"]
