// uPlot and its stylesheet, loaded only when a chart is first drawn (AnalyticsChart imports this lazily), so the
// other pages do not carry it. Its CSS comes as a file through Vite (style-src 'self'); uPlot itself styles its
// elements through the CSSOM (element.style.x = ...), which the CSP allows, never through style attributes.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries { label: string; values: Array<number | null> }
export interface ChartData {
  /** Days as YYYY-MM-DD (UTC). */
  days: string[];
  series: ChartSeries[];
  format(value: number): string;
  /** Whole-number metrics: the axis steps by whole numbers. */
  counts: boolean;
  /** What a day without figures (null) is, in words. */
  gap: string;
}

// Gestalt's data visualisation palette (01, 02, 03, 04, 06).
const COLORS = ['#0081fe', '#11a69c', '#924af7', '#d17711', '#ff5383'];
const HEIGHT = 280;
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1e6, 1e7, 1e8];

export function drawChart(el: HTMLElement, data: ChartData, width: number): { resize(width: number): void; destroy(): void } {
  const xs = data.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const opts: uPlot.Options = {
    width, height: HEIGHT,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'), // the API's days are UTC days
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    series: [
      { label: 'Day', value: '{YYYY}-{MM}-{DD}' },
      ...data.series.map((s, i) => ({
        label: s.label, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: false,
        points: { show: data.days.length <= 31 },
        // No day under the cursor (idx null): a dash, not the gap's words.
        value: (_u: uPlot, v: number | null, _s: number, idx: number | null) => (idx === null ? '–' : v === null || v === undefined ? data.gap : data.format(v)),
      })),
    ],
    axes: [
      { stroke: '#5f5f5f', grid: { stroke: '#efefef' }, ticks: { stroke: '#efefef' } },
      { stroke: '#5f5f5f', grid: { stroke: '#efefef' }, ticks: { stroke: '#efefef' }, size: 64,
        values: (_u, splits) => splits.map((v) => data.format(v)), ...(data.counts ? { incrs: COUNT_STEPS } : {}) },
    ],
    legend: { show: true },
  };
  const plot = new uPlot(opts, [xs, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el);
  return { resize: (w) => plot.setSize({ width: w, height: HEIGHT }), destroy: () => plot.destroy() };
}
