// Child-process entry for the fuzz tests: runs the whole app, and over IPC reports its memory after a full GC.
import { startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/loadConfig.js';

export type FuzzServerMessage = { type: 'ready'; port: number } | { type: 'memory'; rss: number; heapUsed: number };

const config = parseConfig(process.env);
const app = await startApp({ ...config, PORT: 0 });
const send = (message: FuzzServerMessage): void => {
  process.send?.(message);
};
send({ type: 'ready', port: app.port });

process.on('message', (request: unknown) => {
  if (request === 'measure') {
    // Several passes: the first frees objects whose finalisers free more.
    for (let i = 0; i < 4; i += 1) globalThis.gc?.();
    const usage = process.memoryUsage();
    send({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (request === 'stop') {
    void app.close().then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
