import Lozenge from '@atlaskit/lozenge';
import type { PanelPlan } from '../../../../src/contract/panel-plan';
import { sprintStateWords } from '../format';

const STATE_APPEARANCE = { active: 'inprogress', future: 'new', closed: 'default' } as const;

/** The sprint's state as a lozenge: the panel's header and the dashboard gadget say it the same way. */
export function SprintStateLozenge({ state }: { state: PanelPlan['scope']['sprintState'] }) {
  return <Lozenge appearance={STATE_APPEARANCE[state] ?? 'default'}>{sprintStateWords(state)}</Lozenge>;
}

/** One of the header's numbers; `tone` colours it when it needs attention or is all done. */
export function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'danger' | 'success' | undefined;
  testId?: string;
}) {
  return (
    <div className={tone ? `mll-stat mll-stat--${tone}` : 'mll-stat'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
