// A small XMLHttpRequest on top of Node's fetch, enough for rxjs 5's ajax, which botframework-directlinejs uses.
// Only for tests: it lets the real DirectLine client run in Node without a browser or an extra package.

type Handler = ((this: NodeXMLHttpRequest, event: { type: string }) => void) | null;

export class NodeXMLHttpRequest {
  /** Tests set this to see every request the client makes (method and URL). */
  static onRequest: ((method: string, url: string) => void) | undefined;
  static readonly UNSENT = 0;
  static readonly OPENED = 1;
  static readonly DONE = 4;

  readyState = NodeXMLHttpRequest.UNSENT;
  status = 0;
  statusText = '';
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  // rxjs only wires onerror when `upload` exists.
  readonly upload = {};
  onreadystatechange: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;
  onload: Handler = null;

  private method = 'GET';
  private url = '';
  private readonly requestHeaders = new Headers();
  private responseHeaders = new Headers();
  private controller: AbortController | undefined;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = NodeXMLHttpRequest.OPENED;
  }

  setRequestHeader(name: string, value: string): void {
    this.requestHeaders.set(name, value);
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([name, value]) => `${name}: ${value}`).join('\r\n');
  }

  abort(): void {
    this.controller?.abort();
  }

  send(body?: string | null): void {
    NodeXMLHttpRequest.onRequest?.(this.method, this.url);
    this.controller = new AbortController();
    const timer = this.timeout > 0 ? setTimeout(() => this.controller?.abort(new Error('timeout')), this.timeout) : undefined;
    fetch(this.url, { method: this.method, headers: this.requestHeaders, body: body ?? undefined, signal: this.controller.signal })
      .then(async (res) => {
        this.status = res.status;
        this.statusText = res.statusText;
        this.responseHeaders = res.headers;
        this.responseText = await res.text();
        this.response = this.responseType === 'json' ? parseJson(this.responseText) : this.responseText;
        this.finish('readystatechange');
        this.onload?.call(this, { type: 'load' });
      })
      .catch((error: unknown) => {
        const timedOut = error instanceof Error && error.message === 'timeout';
        if (!timedOut && this.controller?.signal.aborted) return;
        this.readyState = NodeXMLHttpRequest.DONE;
        if (timedOut) this.ontimeout?.call(this, { type: 'timeout' });
        else this.onerror?.call(this, { type: 'error' });
      })
      .finally(() => clearTimeout(timer));
  }

  private finish(type: string): void {
    this.readyState = NodeXMLHttpRequest.DONE;
    this.onreadystatechange?.call(this, { type });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Installs the shim as the global XMLHttpRequest (rxjs looks it up on the global object). */
export function installXmlHttpRequest(): void {
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = NodeXMLHttpRequest;
}
