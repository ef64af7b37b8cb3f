import { parseLabelingTarget } from '../../../src/domain/labeling-target';

describe('a labeling issue’s target from its summary', () => {
  it.each([
    ['Label 1,000 images', 1000],
    ["Label 1,000 images for class 'cracked lens'", 1000],
    ['Label 1000 images', 1000],
    ['label 500 frames from the field cameras', 500],
    ['Annotate 12,500 clips', 12500],
    ['Labeling 2,000,000 tokens', 2_000_000],
    ['Label 1k images', 1000],
    ['Label 2.5K images', 2500],
    ['Annotating 0.75k crops', 750],
    ['Label cats: label 300 images', 300],
  ])('reads “%s” as %d items', (summary, target) => {
    expect(parseLabelingTarget(summary)).toBe(target);
  });

  it.each([
    ['Label cats', 'no count'],
    ['Batch 2/2: label images 501–1,000 (Chloé, Dmitri)', 'the count does not follow the verb'],
    ['Fix 2 bugs in the labeling tool', 'no labeling verb before the count'],
    ['Label 1.000 images', 'a period is a decimal point in one locale and a separator in another'],
    ['Label 1 000 images', 'a space separator'],
    ['Label 1,00 images', 'commas not in groups of three'],
    ['Label 0100 images', 'a leading zero'],
    ['Label 0 images', 'nothing to label'],
    ['Label 1kg of samples', 'a unit, not thousands'],
    ['Label 2.5 images', 'a fraction of an item'],
    ['Label 1.2345k images', 'a fraction of an item in thousands'],
    ['Label 500 cats and annotate 300 dogs', 'two counts'],
    ['Label 5,000,000,000 images', 'above the evidence fields’ 1e9 cap'],
    ['Label 1000', 'no items named after the count'],
    ['Relabel 300 images', 'not the verb itself'],
  ])('finds no target in “%s” (%s)', (summary) => {
    expect(parseLabelingTarget(summary)).toBeNull();
  });
});
