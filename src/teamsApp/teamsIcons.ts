// Draws the two icons a Teams app needs: a 192px colour icon on the brand colour and a 32px white outline icon.
import { encodePng } from './pngImage.js';

type Rgba = [number, number, number, number];

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/** A speech bubble: a rounded rectangle with a tail, the shape people read as "chat". */
function insideBubble(x: number, y: number, size: number): boolean {
  const u = x / size;
  const v = y / size;
  const left = 0.16;
  const right = 0.84;
  const top = 0.2;
  const bottom = 0.66;
  const radius = 0.12;
  const cx = Math.min(Math.max(u, left + radius), right - radius);
  const cy = Math.min(Math.max(v, top + radius), bottom - radius);
  const inBody = (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2;
  const inTail = v >= bottom - 0.01 && v <= 0.82 && u >= 0.28 && u <= 0.28 + (0.82 - v) * 1.1 && u <= 0.46;
  return inBody || inTail;
}

function draw(size: number, background: Rgba, foreground: Rgba): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const colour = insideBubble(x + 0.5, y + 0.5, size) ? foreground : background;
      pixels.set(colour, (y * size + x) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

export function colourIcon(brandColour: string): Buffer {
  return draw(192, hexToRgba(brandColour), [255, 255, 255, 255]);
}

/** Teams requires the outline icon to be white on a transparent background. */
export function outlineIcon(): Buffer {
  return draw(32, [0, 0, 0, 0], [255, 255, 255, 255]);
}
