import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DEFAULT_PANE_WIDTH_PX, PANE_BIG_STEP_PX, PANE_STEP_PX, clampWidth } from './pane-width';

export interface PaneResizerProps {
  /** The pane's width in px (the pane is to the right of the handle). */
  width: number;
  min: number;
  max: number;
  onResize: (width: number) => void;
  label: string;
}

/**
 * The handle between the table and the detail pane: drag it, or focus it and use the arrow keys
 * (Shift or Page Up/Down for bigger steps, Home/End for the narrowest/widest pane, Enter for the
 * default width). A window splitter in ARIA terms: its value is the pane's width.
 */
export function PaneResizer({ width, min, max, onResize, label }: PaneResizerProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const set = (w: number) => onResize(clampWidth(w, { min, max }));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { startX: e.clientX, startWidth: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // Moving the handle left widens the pane.
    set(drag.current.startWidth + drag.current.startX - e.clientX);
  };
  const endDrag = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? PANE_BIG_STEP_PX : PANE_STEP_PX;
    const next: Record<string, number> = {
      ArrowLeft: width + step,
      ArrowRight: width - step,
      PageUp: width + PANE_BIG_STEP_PX,
      PageDown: width - PANE_BIG_STEP_PX,
      Home: min,
      End: max,
      Enter: DEFAULT_PANE_WIDTH_PX,
    };
    const w = next[e.key];
    if (w === undefined) return;
    e.preventDefault();
    set(w);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      className="pane-resizer"
      data-testid="detail-resizer"
      title="Drag, or use the arrow keys, to resize the details"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={() => set(DEFAULT_PANE_WIDTH_PX)}
    />
  );
}
