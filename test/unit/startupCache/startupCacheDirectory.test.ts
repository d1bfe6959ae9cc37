// The start-up caches live in this project's node_modules/.cache, which git ignores and which belongs to one install.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startupCacheDirectory } from '../../../src/startupCache/startupCacheDirectory.js';

describe('startupCacheDirectory', () => {
  it('is node_modules/.cache/sen-support-guide in this project', () => {
    const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
    expect(startupCacheDirectory()).toBe(path.join(projectRoot, 'node_modules', '.cache', 'sen-support-guide'));
  });
});
