# Build stage: install everything, compile TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Same install as .ci/run: the lock pins versions; npm install fills in optional platform binaries npm ci may refuse.
RUN npm ci || npm install
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code, production dependencies, SQL migrations.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json LICENSE ./
COPY migrations ./migrations
USER node
EXPOSE 3000
# The heap is capped (see docs/operations.md "Memory"): the same flag as npm start and docker-compose.yml.
CMD ["node", "--max-old-space-size=160", "dist/main/start.js", "all"]
