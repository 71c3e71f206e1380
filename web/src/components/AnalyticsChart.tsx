// A metric's daily line chart (one line per split key), drawn by uPlot as it loads, as wide as its box; and for
// those who cannot see it, the same figures in a table under "Daily figures". A day the API answers without
// figures (before the pin existed) is a gap, never a zero.
import { Box, Spinner, Table, Text } from 'gestalt';
import { useEffect, useRef, useState } from 'react';
import type { ChartData } from './uplot-chart.js';

export function AnalyticsChart({ data, label }: { data: ChartData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: { resize(w: number): void; destroy(): void } | undefined;
    let current = true;
    const observer = new ResizeObserver(() => chart?.resize(el.clientWidth));
    import('./uplot-chart.js').then(({ drawChart }) => {
      if (!current) return;
      chart = drawChart(el, data, el.clientWidth);
      observer.observe(el);
      setState('drawn');
    }, () => { if (current) setState('failed'); });
    return () => { current = false; observer.disconnect(); chart?.destroy(); };
  }, [data]);

  return (
    <Box>
      <div ref={box} className="analytics-chart" role="img" aria-label={label} data-drawn={state === 'drawn' ? 'true' : undefined} />
      {state === 'loading' && <Spinner show accessibilityLabel="Drawing the chart" />}
      {state === 'failed' && <Text color="error">The chart could not be loaded; the figures are below.</Text>}
      <details className="daily-figures">
        <summary><Text inline weight="bold">Daily figures</Text></summary>
        <Table accessibilityLabel={`${label}: daily figures`}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell><Text weight="bold">Day (UTC)</Text></Table.HeaderCell>
              {data.series.map((s) => <Table.HeaderCell key={s.label}><Text weight="bold">{s.label}</Text></Table.HeaderCell>)}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.days.map((day, n) => (
              <Table.Row key={day}>
                <Table.Cell><Text>{day}</Text></Table.Cell>
                {data.series.map((s) => {
                  const v = s.values[n];
                  return <Table.Cell key={s.label}><Text color={v === null || v === undefined ? 'subtle' : 'default'}>{v === null || v === undefined ? data.gap : data.format(v)}</Text></Table.Cell>;
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </details>
    </Box>
  );
}
