// Downloads from the compare view: the CSV of the visible data, and the charts as one PNG
// (each chart's uPlot canvas, stacked, with a legend of run colours drawn under them).

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(name: string, csv: string): void {
  download(name, new Blob([csv], { type: 'text/csv' }));
}

/** The charts' canvases (device pixels) stacked on white, then one legend line per run. */
export async function downloadPng(name: string, canvases: HTMLCanvasElement[], legend: { name: string; color: string }[]): Promise<void> {
  const dpr = devicePixelRatio || 1;
  const lineHeight = 18 * dpr;
  const width = Math.max(...canvases.map((c) => c.width));
  const chartsHeight = canvases.reduce((h, c) => h + c.height, 0);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = chartsHeight + (legend.length + 1) * lineHeight;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  let y = 0;
  for (const c of canvases) {
    ctx.drawImage(c, 0, y);
    y += c.height;
  }
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  legend.forEach((entry, i) => {
    const cy = chartsHeight + (i + 1) * lineHeight;
    ctx.fillStyle = entry.color;
    ctx.fillRect(16 * dpr, cy - 2 * dpr, 18 * dpr, 4 * dpr);
    ctx.fillStyle = '#1d2330';
    ctx.fillText(entry.name, 40 * dpr, cy);
  });
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the chart as PNG');
  download(name, blob);
}
