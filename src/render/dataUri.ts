// data: URIs for pictures and files sent inside an activity, base64 so Web Chat can turn them into blob: URLs.
import { BoundedCache } from '../boundedCache.js';

/** Pictures are mostly the same few diagrams every turn; files (letters, calendars) hold what people typed, so never. */
const pictures = new BoundedCache<string>();

/** `data:<mime>;base64,...` of the UTF-8 bytes; text types say so, so a browser opening the file reads it right. */
export function toDataUri(mimeType: string, content: string): string {
  if (mimeType === 'image/svg+xml') return pictures.getOrCompute(content, () => encode(mimeType, content));
  return encode(mimeType, content);
}

function encode(mimeType: string, content: string): string {
  const charset = mimeType.startsWith('text/') && !mimeType.includes('charset=') ? ';charset=utf-8' : '';
  return `data:${mimeType}${charset};base64,${Buffer.from(content, 'utf8').toString('base64')}`;
}
