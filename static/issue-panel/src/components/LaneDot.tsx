import type { CSSProperties } from 'react';

/** A lane's colour, never alone: always beside the lane's name. */
export function LaneDot({ color }: { color: string | null }) {
  const style = color ? ({ '--mll-lane-color': color } as CSSProperties) : undefined;
  return <span className="mll-dot" style={style} aria-hidden="true" />;
}
