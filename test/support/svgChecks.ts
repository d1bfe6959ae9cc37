// Test helpers for generated SVG: a strict little XML well-formedness reader and WCAG contrast arithmetic.

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element, entities decoded. */
  text: string;
  /** Names of the enclosing elements, outermost first. */
  ancestors: string[];
  /** Attributes of the nearest enclosing <g>, if any. */
  group?: Record<string, string>;
}

const TAG = /^<(\/?)([A-Za-z][\w:-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)="([^"<]*)"/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(text: string, where: string): string {
  const stray = text.replace(ENTITY, '');
  if (/[&<>]/.test(stray)) throw new Error(`parseSvg(): unescaped & < or > in ${where}: ${text.slice(0, 80)}`);
  return text.replace(ENTITY, (_match, name: string) => {
    if (name === 'amp') return '&';
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'quot') return '"';
    if (name === 'apos') return "'";
    return String.fromCodePoint(name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
  });
}

/** Reads SVG markup into a flat list of elements; throws if it is not well-formed XML of the simple kind we generate. */
export function parseSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const stack: SvgElement[] = [];
  let rest = svg.trim();
  while (rest.length > 0) {
    if (rest.startsWith('<')) {
      const found = TAG.exec(rest);
      if (!found) throw new Error(`parseSvg(): malformed tag at: ${rest.slice(0, 60)}`);
      const [whole, closing, name = '', attributeText = '', selfClosing] = found;
      if (closing) {
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`parseSvg(): </${name}> closes <${open?.name ?? 'nothing'}>`);
      } else {
        const attributes: Record<string, string> = {};
        for (const [, key = '', value = ''] of attributeText.matchAll(ATTRIBUTE)) {
          if (key in attributes) throw new Error(`parseSvg(): duplicate attribute ${key} on <${name}>`);
          attributes[key] = decode(value, `attribute ${key}`);
        }
        const group = [...stack].reverse().find((element) => element.name === 'g')?.attributes;
        const element: SvgElement = { name, attributes, text: '', ancestors: stack.map((e) => e.name), group };
        elements.push(element);
        if (!selfClosing) stack.push(element);
      }
      rest = rest.slice(whole.length);
    } else {
      const next = rest.indexOf('<');
      const raw = next === -1 ? rest : rest.slice(0, next);
      const current = stack.at(-1);
      if (!current && raw.trim() !== '') throw new Error('parseSvg(): text outside the root element');
      if (current) current.text += decode(raw, `<${current.name}>`);
      rest = next === -1 ? '' : rest.slice(next);
    }
  }
  if (stack.length > 0) throw new Error(`parseSvg(): <${stack.at(-1)?.name}> never closes`);
  if (elements[0]?.name !== 'svg') throw new Error('parseSvg(): the root element is not <svg>');
  return elements;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`luminance(): "${hex}" is not a #rrggbb colour`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(Number.parseInt(part ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG 2 contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
