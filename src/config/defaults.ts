import { CONFIG_VERSION, type MlLanesConfig } from './schema';

/** The default lanes and their keyword lists, in the order lanes are shown. */
const DEFAULT_LANES = [
  {
    id: 'data',
    name: 'Data',
    color: '#1D7AFC',
    keywords: ['data', 'dataset', 'labeling', 'labelling', 'annotation'],
  },
  { id: 'model', name: 'Model', color: '#8270DB', keywords: ['model', 'training', 'ml', 'experiment'] },
  {
    id: 'code',
    name: 'Code',
    color: '#22A06B',
    keywords: ['code', 'backend', 'frontend', 'api', 'integration'],
  },
  { id: 'test', name: 'Test', color: '#D97008', keywords: ['test', 'qa', 'validation', 'evaluation'] },
  { id: 'deploy', name: 'Deploy', color: '#C9372C', keywords: ['deploy', 'release', 'mlops', 'infra'] },
] as const;

/** A fresh copy of the default configuration (callers may mutate it). */
export function defaultConfig(): MlLanesConfig {
  return {
    version: CONFIG_VERSION,
    lanes: DEFAULT_LANES.map(({ id, name, color }) => ({ id, name, color })),
    rules: [
      { kind: 'lane-label', prefix: 'lane:' },
      ...DEFAULT_LANES.map(({ id, keywords }) => ({
        kind: 'keywords' as const,
        lane: id,
        in: ['labels' as const, 'components' as const],
        keywords: [...keywords],
      })),
      // Issue types map to no lane by default: sites name their types too differently. Admins add such rules.
      ...DEFAULT_LANES.map(({ id, keywords }) => ({
        kind: 'keywords' as const,
        lane: id,
        in: ['summary' as const],
        keywords: [...keywords],
      })),
    ],
    dependencyLinkTypes: [{ name: 'Blocks', upstream: 'outward' }],
    dod: {
      data: {
        enforce: false,
        items: [
          {
            id: 'iaa',
            label: 'Inter-annotator agreement ≥ 98%',
            kind: 'auto',
            field: 'Inter-annotator agreement',
            rule: { op: 'gte', value: 0.98 },
          },
          {
            id: 'labeling-accuracy',
            label: 'Labeling accuracy ≥ 95%',
            kind: 'auto',
            field: 'Labeling accuracy',
            rule: { op: 'gte', value: 0.95 },
          },
          {
            id: 'dataset-version',
            label: 'Dataset version recorded',
            kind: 'auto',
            field: 'Dataset version',
            rule: { op: 'not-empty' },
          },
        ],
      },
      model: {
        enforce: false,
        items: [
          {
            id: 'holdout-accuracy',
            label: 'Accuracy on holdout ≥ 90%',
            kind: 'auto',
            field: 'Model accuracy',
            rule: { op: 'gte', value: 0.9 },
          },
          {
            id: 'experiment-linked',
            label: 'Experiment run linked',
            kind: 'auto',
            field: 'Experiment URL',
            rule: { op: 'not-empty' },
          },
        ],
      },
      code: {
        enforce: false,
        items: [{ id: 'reviewed', label: 'Code reviewed and merged', kind: 'manual' }],
      },
      test: {
        enforce: false,
        items: [{ id: 'qa-suite', label: 'QA acceptance suite passed', kind: 'manual' }],
      },
      deploy: {
        enforce: false,
        items: [{ id: 'monitored', label: 'Released and monitored', kind: 'manual' }],
      },
    },
    capacity: {},
    boardIndex: { sameProjectOnly: false },
  };
}
