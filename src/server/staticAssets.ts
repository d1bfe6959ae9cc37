// Serves the chat page's scripts and styles from this server (no CDN): versioned by content hash, gzipped once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Request, Response, Server } from 'restify';

const gzipAsync = promisify(gzip);

interface Asset {
  contentType: string;
  body: Buffer;
  version: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

export class StaticAssets {
  private readonly assets = new Map<string, Asset>();

  /** Adds an asset served at `path` (e.g. /assets/chat.js). */
  add(path: string, contentType: string, body: Buffer | string): this {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 12);
    this.assets.set(path, { contentType, body: bytes, version, etag: `"${version}"` });
    return this;
  }

  addFile(path: string, contentType: string, file: string): this {
    try {
      return this.add(path, contentType, readFileSync(file));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`StaticAssets.addFile(): cannot read ${file} for ${path} because ${why}. Run npm ci so node_modules is complete.`);
    }
  }

  /** The URL to put in the page: the version makes it safe for browsers to cache it for a year. */
  url(path: string): string {
    const asset = this.assets.get(path);
    if (!asset) throw new Error(`StaticAssets.url(): no asset at ${path}. Add it before rendering the page.`);
    return `${path}?v=${asset.version}`;
  }

  register(server: Server): void {
    for (const [path, asset] of this.assets) {
      server.get(path, async (req: Request, res: Response) => {
        await this.send(req, res, asset);
      });
    }
  }

  private async send(req: Request, res: Response, asset: Asset): Promise<void> {
    const versioned = (req.query as Record<string, unknown> | undefined)?.v === asset.version;
    const headers: Record<string, string> = {
      'Content-Type': asset.contentType,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && asset.body.length > 1024) {
      asset.gzipped ??= gzipAsync(asset.body);
      const body = await asset.gzipped;
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(asset.body.length) });
    res.end(asset.body);
  }
}
