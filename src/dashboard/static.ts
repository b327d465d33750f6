/** Files the dashboard serves as they are (scripts, styles), without a session: they hold no data. */
import { readFileSync } from 'node:fs';
import type { PublicRoute } from './routes';

/** A public GET route at `/static/<name>` answering `load()`'s content (read once, on first request), cached a day. */
export function staticAsset(name: string, contentType: string, load: () => string | Buffer): PublicRoute {
  let body: string | Buffer | undefined;
  return {
    path: `/static/${name}`,
    method: 'GET',
    async handle(_req, res) {
      body ??= load();
      res.removeHeader('cache-control');
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'public, max-age=86400' }).end(body);
    },
  };
}

/** A static asset read from a file (e.g. in node_modules). */
export function staticFile(name: string, contentType: string, path: string): PublicRoute {
  return staticAsset(name, contentType, () => readFileSync(path));
}
