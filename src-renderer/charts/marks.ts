// The event-marks plugin: vertical lines (or bands) at restarts, drops, warmup ends, phase
// changes, resume points and non-finite values, each with a label. Drawn on the canvas in
// uPlot's `draw` hook so thousands of marks cost one path, not thousands of DOM nodes.
import type uPlot from 'uplot';
import type { ChartMark, MarkKind } from './types';

export const MARK_COLORS: Record<MarkKind, string> = {
  restart: '#2f9e44',
  drop: '#862e9c',
  rise: '#e8590c',
  warmup_end: '#1971c2',
  phase: '#1971c2',
  resume: '#495057',
  nonfinite: '#c92a2a',
};

/** Labels closer than this (CSS px) to the previous drawn label are left out; the line stays. */
const LABEL_GAP = 18;

export interface MarksState {
  marks: ChartMark[];
  /** The highlighted group: marks of other groups are drawn faint. */
  emphasis?: string | null;
  /** Called after each draw with the steps of the marks actually drawn (in the visible x range). */
  ondrawn: (steps: number[]) => void;
}

export function marksPlugin(state: MarksState): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const min = u.scales.x.min ?? -Infinity;
        const max = u.scales.x.max ?? Infinity;
        const dpr = uPlotPxRatio();
        const drawn: number[] = [];
        // One path per kind, one line per pixel column: 10,000 drops over a 100,000-step range
        // cost as much as the few hundred columns they land on.
        // Keyed by kind, colour and dimming: per-run colours in the compare view add one path per run, not per mark.
        const lines = new Map<string, { kind: MarkKind; color: string; dim: boolean; path: Path2D; lastX: number }>();
        const labels: { x: number; text: string; color: string }[] = [];
        let lastLabelX = -Infinity;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        for (const mark of state.marks) {
          const end = mark.toStep ?? mark.step;
          if (end < min || mark.step > max) continue;
          drawn.push(mark.step);
          const color = mark.color ?? MARK_COLORS[mark.kind];
          const dim = !!state.emphasis && mark.group !== state.emphasis;
          const x0 = Math.round(u.valToPos(mark.step, 'x', true));
          if (mark.toStep !== undefined) {
            const x1 = Math.round(u.valToPos(mark.toStep, 'x', true));
            ctx.fillStyle = color;
            ctx.globalAlpha = 0.08;
            ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
            ctx.globalAlpha = 1;
          }
          const key = `${mark.kind}|${color}|${dim ? 1 : 0}`;
          let line = lines.get(key);
          if (!line) lines.set(key, (line = { kind: mark.kind, color, dim, path: new Path2D(), lastX: -Infinity }));
          if (x0 !== line.lastX) {
            line.path.moveTo(x0 + 0.5, top);
            line.path.lineTo(x0 + 0.5, top + height);
            line.lastX = x0;
          }
          if (mark.label && !dim && x0 - lastLabelX >= LABEL_GAP * dpr) {
            labels.push({ x: x0, text: mark.label, color });
            lastLabelX = x0;
          }
        }
        ctx.lineWidth = dpr;
        for (const line of lines.values()) {
          ctx.globalAlpha = line.dim ? 0.12 : 0.55;
          ctx.strokeStyle = line.color;
          ctx.setLineDash(line.kind === 'drop' || line.kind === 'rise' ? [4 * dpr, 3 * dpr] : []);
          ctx.stroke(line.path);
        }
        ctx.globalAlpha = 1;
        ctx.setLineDash([]);
        // uPlot leaves its axis text settings on the context.
        ctx.font = `${11 * dpr}px system-ui, sans-serif`;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        // Many labels: the short form ("drop 12"); the event table and tooltip have the rates.
        const short = labels.length > 24;
        for (const label of labels) {
          const text = short ? label.text.split(' · ')[0]! : label.text;
          // Rotated along the line: labels of neighbouring marks never overlap sideways.
          ctx.save();
          ctx.translate(label.x + 3 * dpr, top + 4 * dpr);
          ctx.rotate(Math.PI / 2);
          const w = ctx.measureText(text).width;
          ctx.fillStyle = 'rgba(255,255,255,0.85)';
          ctx.fillRect(-2 * dpr, -13 * dpr, w + 4 * dpr, 13 * dpr);
          ctx.fillStyle = label.color;
          ctx.fillText(text, 0, -1 * dpr);
          ctx.restore();
        }
        ctx.restore();
        state.ondrawn(drawn);
      },
    },
  };
}

/** uPlot draws in device pixels (its `pxRatio`); text and line widths follow it. */
function uPlotPxRatio(): number {
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}
