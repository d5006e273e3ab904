import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

/** bidi-js is a UMD module whose export is its factory; its typings describe an ES default export, so it is required. */
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

/** Letters of right-to-left scripts (Hebrew, Arabic and their presentation forms). */
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A one-line text as pdfkit must receive it to print right-to-left words where a reader expects
 * them: pdfkit places words left to right, and fontkit joins and reverses the letters of each
 * right-to-left word itself. So the words go in visual order (the Unicode bidirectional algorithm,
 * bidi-js, base direction from the first strong letter), each right-to-left word keeping its letters
 * in reading order. Text without right-to-left letters comes back unchanged.
 * "شركة نور للألياف" → "للألياف نور شركة" (printed, it reads شركة نور للألياف from the right).
 */
export function visualOrder(text: string): string {
  if (!rightToLeft.test(text)) return text;
  const levels = bidi.getEmbeddingLevels(text);
  const units = text.split('');
  for (const [start, end] of bidi.getReorderSegments(text, levels) as [number, number][]) {
    const reversed = units.slice(start, end + 1).reverse();
    units.splice(start, reversed.length, ...reversed);
  }
  // pdfkit lays a line out in runs that each end at a space, and fontkit reverses a right-to-left run
  // with its space, which so lands on its left. So each right-to-left word carries one space of its
  // own, and the spaces between two right-to-left words are dropped (the next word brings its own).
  const tokens = units.join('').split(/(\s+)/);
  const isRightToLeft = (token: string | undefined) => token !== undefined && rightToLeft.test(token);
  let shown = '';
  tokens.forEach((token, index) => {
    if (isRightToLeft(token)) shown += `${token.split('').reverse().join('')} `;
    else if (!(/^\s+$/.test(token) && isRightToLeft(tokens[index - 1]) && isRightToLeft(tokens[index + 1])))
      shown += token;
  });
  return shown;
}
