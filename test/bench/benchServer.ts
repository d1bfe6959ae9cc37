// Child-process entry for the benchmark: runs the whole app from the environment and reports memory over IPC.
import { startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/loadConfig.js';
import { answerMemoryRequests, type BenchChildMessage } from './childProtocol.js';

const config = parseConfig(process.env);
const app = await startApp({ ...config, PORT: 0 });
process.send?.({ type: 'ready', port: app.port } satisfies BenchChildMessage);
answerMemoryRequests(() => app.close());
