/*
 * How many items a labeling issue's summary commits to: "Label 1,000 images", "Annotate 2.5k frames". Strict on
 * purpose, because a wrong target makes a confident wrong forecast:
 * - the count follows a labeling verb directly (label/labels/labeling/labelling/annotate/annotates/annotating)
 *   and is followed by a word (the items: "images", "frames", "clips");
 * - the count is digits without a leading zero ("1000"), digits grouped by commas in threes ("1,000", "12,500"),
 *   or a whole number of thousands with at most three decimals and a "k" ("1k", "2.5k");
 * - anything else is no target: "1.000" and "1 000" (the separator is ambiguous across locales), "1,00", "0",
 *   counts above MAX_TARGET, and summaries naming two counts ("Label 500 cats and annotate 300 dogs").
 */

/** The evidence fields' cap on counts: no labeling project is larger. */
export const MAX_TARGET = 1_000_000_000;

const VERB = String.raw`\b(?:label(?:s|ing|ling)?|annotat(?:e|es|ing))`;
const COUNT = String.raw`((?:0|[1-9]\d{0,2})(?:\.\d{1,3})?k|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)`;
const TARGET = new RegExp(String.raw`${VERB}\s+${COUNT}\s+\p{L}`, 'giu');

/** The summary's target count of items to label, or null when it names none (or more than one). */
export function parseLabelingTarget(summary: string): number | null {
  const counts = [...summary.matchAll(TARGET)].map((match) => readCount(match[1]!));
  if (counts.length !== 1) return null;
  const count = counts[0]!;
  return count !== null && count >= 1 && count <= MAX_TARGET ? count : null;
}

function readCount(text: string): number | null {
  const lower = text.toLowerCase();
  if (lower.endsWith('k')) {
    // Thousandths of a thousand are whole items: "2.5k" is 2,500; the product is exact for three decimals.
    const [whole, fraction = ''] = lower.slice(0, -1).split('.');
    return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  }
  return Number(lower.replaceAll(',', ''));
}
