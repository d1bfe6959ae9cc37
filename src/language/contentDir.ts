// Where the language layer finds its data files when nobody passes a folder: the repository's content/ folder.
import { projectPath } from '../projectRoot.js';

export const DEFAULT_CONTENT_DIR = projectPath('content');
