/** WCAG contrast of highlighted text, from the computed colours a page reports. */
import type { PageFunction } from './session';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export function parseCssColour(value: string): Rgba {
  const match = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!match) throw new Error(`unsupported colour: ${value}`);
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: alpha };
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (a: number, b: number): number => a * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number): number => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface PaintedText {
  colour: string;
  /** Background colours from the element outwards, up to the first opaque one. */
  backgrounds: string[];
}

/** The text colour and background stack of the first `limit` marks. */
export const paintedMarks: PageFunction<{ limit: number }, PaintedText[]> = ({ limit }) =>
  Array.from(document.querySelectorAll('claimlens-mark'))
    .slice(0, limit)
    .map((mark) => {
      const backgrounds: string[] = [];
      for (let node: Element | null = mark; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        backgrounds.push(background);
        if (/^rgb\(/.test(background)) break;
      }
      return { colour: getComputedStyle(mark).color, backgrounds };
    });

/** The colour the eye sees behind the text: the stack composed over white (the canvas default). */
export function effectiveBackground(painted: PaintedText): Rgba {
  let result: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const background of [...painted.backgrounds].reverse()) result = over(parseCssColour(background), result);
  return result;
}
