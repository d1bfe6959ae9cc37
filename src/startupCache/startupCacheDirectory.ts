// Where start-up caches live: node_modules/.cache/sen-support-guide/ in this project, a folder git ignores that belongs
// to one install, so two checkouts never share (or fight over) a cache. The start-up bundle lives there too.
import { projectPath } from '../projectRoot.js';

export function startupCacheDirectory(): string {
  return projectPath('node_modules', '.cache', 'sen-support-guide');
}
