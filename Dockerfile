# syntax=docker/dockerfile:1
# The ECS Cost Estimator as one stateless container: Next.js standalone server + the bundled price snapshot.
# Every copy serves the snapshot baked into its image (share links carry the whole estimate), so N copies behind
# a load balancer need no shared state; new prices = a new image. README "Run it for a team".
#   docker build -t ecs-cost-estimator .
#   docker run --rm -p 3000:3000 ecs-cost-estimator

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only (cached until package-lock.json changes). No browser download.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Production build: .next/standalone (server.js + the node_modules it traced) and .next/static.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# 3. Runtime: only the standalone output, its static files and the price snapshot; no npm, no dev dependencies,
# no sources. Files stay owned by root and read-only for the server's own non-root user.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 10001 estimator \
 && useradd --system --uid 10001 --gid estimator --no-create-home --shell /usr/sbin/nologin estimator
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/data/catalog ./data/catalog
COPY --from=build /app/docs/billing-rules.md ./docs/billing-rules.md
USER 10001:10001
EXPOSE 3000
# /api/health answers {"ok":true} without touching the catalog; fetch is built into Node 20 (no curl in slim).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Share links carry the whole estimate in the URL: allow long request headers (same as npm start).
CMD ["node", "--max-http-header-size=262144", "server.js"]
