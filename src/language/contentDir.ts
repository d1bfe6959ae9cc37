// Where the language layer finds its data files when nobody passes a folder: the repository's content/ folder.
import { fileURLToPath } from 'node:url';

export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));
