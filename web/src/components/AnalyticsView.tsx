// One analytics report, for an account or a pin: a date range (the last 30 days to start; Pinterest's rules are
// the API's to enforce, and its message is shown by the field it names), the app types to count, a split, the
// summary figures and a daily chart of one metric. Every figure is one the API answered, formatted only.
import { Box, Datapoint, Flex, SelectList, Spinner, Table, Text, TextField } from 'gestalt';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api.js';
import type { Notify } from '../App.js';
import {
  APP_TYPES, formatMetric, isCount, keyName, lastDays, LIFETIME, metricName, splitName,
  type AppTypes, type Metric, type Query, type Report, type Split,
} from '../analytics.js';
import { AnalyticsChart } from './AnalyticsChart.js';
import type { ChartData } from './uplot-chart.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function AnalyticsView({ id, metrics, splits, load, notify }: {
  /** Prefix of the controls' ids (two views may share a page). */
  id: string;
  metrics: readonly Metric[];
  splits: readonly Split[];
  load(query: Query): Promise<Report>;
  notify: Notify;
}) {
  const [start, setStart] = useState(() => lastDays().start_date);
  const [end, setEnd] = useState(() => lastDays().end_date);
  const [appTypes, setAppTypes] = useState<AppTypes>('ALL');
  const [split, setSplit] = useState<Split>('NO_SPLIT');
  const charted = metrics.filter((m) => !LIFETIME.has(m));
  const [metric, setMetric] = useState<Metric>(charted[0]!);
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const asked = useRef(0); // an answer to an earlier question is dropped

  useEffect(() => {
    if (!DAY.test(start) || !DAY.test(end)) return; // a date being typed
    const mine = ++asked.current;
    setLoading(true);
    load({ start_date: start, end_date: end, app_types: appTypes, split_field: split }).then(
      (r) => { if (mine === asked.current) { setReport(r); setFailed(null); } },
      (e) => { if (mine === asked.current) { const m = errorMessage(e); setReport(null); setFailed(m); notify(m); } },
    ).finally(() => { if (mine === asked.current) setLoading(false); });
  }, [start, end, appTypes, split, load, notify]);

  const keys = report ? Object.keys(report) : [];
  const chart = useMemo<ChartData | null>(() => {
    if (!report) return null;
    const blocks = Object.entries(report);
    return {
      days: blocks[0]?.[1].daily_metrics.map((d) => d.date) ?? [],
      series: blocks.map(([key, block]) => ({
        label: key === 'all' ? metricName(metric) : keyName(key),
        values: block.daily_metrics.map((d) => (d.data_status === 'READY' ? d.metrics[metric] ?? null : null)),
      })),
      format: (v) => formatMetric(metric, v), counts: isCount(metric),
      // The API answers a day without figures only before the pin existed (BEFORE_PIN_CREATED).
      gap: 'before the pin existed',
    };
  }, [report, metric]);
  const figure = (key: string, m: Metric) => {
    const block = report?.[key];
    const v = LIFETIME.has(m) ? block?.lifetime_metrics?.[m] : block?.summary_metrics[m];
    return v === undefined ? '–' : formatMetric(m, v);
  };
  const dateError = failed && /start_date/.test(failed) ? 'start' : failed && /end_date/.test(failed) ? 'end' : null;

  return (
    <Flex direction="column" gap={6}>
      <div className="analytics-controls">
        <TextField id={`${id}-start`} type="date" label="From" value={start} onChange={({ value }) => setStart(value)}
          errorMessage={dateError === 'start' ? failed : undefined} />
        <TextField id={`${id}-end`} type="date" label="To" value={end} onChange={({ value }) => setEnd(value)}
          errorMessage={dateError === 'end' ? failed : undefined} helperText="UTC days; up to 90 days back and 90 days long" />
        <SelectList id={`${id}-app-types`} label="App type" value={appTypes} onChange={({ value }) => setAppTypes(value as AppTypes)}>
          {APP_TYPES.map((a) => <SelectList.Option key={a.value} label={a.label} value={a.value} />)}
        </SelectList>
        <SelectList id={`${id}-split`} label="Split by" value={split} onChange={({ value }) => setSplit(value as Split)}>
          {splits.map((s) => <SelectList.Option key={s} label={splitName(s)} value={s} />)}
        </SelectList>
      </div>
      {failed && !dateError && <Box role="alert"><Text color="error">{failed}</Text></Box>}
      {!report ? (loading ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading analytics" /></Flex> : null) : (
        <Flex direction="column" gap={8}>
          <section aria-label="Summary" aria-busy={loading}>
            {keys.length === 1 && keys[0] === 'all' ? (
              <ul className="analytics-summary" aria-label="Summary figures">
                {metrics.map((m) => (
                  <li key={m} data-metric={m}>
                    <Datapoint title={LIFETIME.has(m) ? `${metricName(m)} (lifetime)` : metricName(m)} value={figure('all', m)} />
                  </li>
                ))}
              </ul>
            ) : (
              <div className="analytics-table">
                <Table accessibilityLabel={`Summary by ${splitName(split).toLowerCase()}`}>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell><Text weight="bold">Metric</Text></Table.HeaderCell>
                      {keys.map((k) => <Table.HeaderCell key={k}><Text weight="bold">{keyName(k)}</Text></Table.HeaderCell>)}
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {metrics.map((m) => (
                      <Table.Row key={m}>
                        <Table.Cell><Text>{LIFETIME.has(m) ? `${metricName(m)} (lifetime)` : metricName(m)}</Text></Table.Cell>
                        {keys.map((k) => <Table.Cell key={k}><Text>{figure(k, m)}</Text></Table.Cell>)}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
          <section aria-label="Daily chart">
            <Flex direction="column" gap={3}>
              <Box maxWidth={320}>
                <SelectList id={`${id}-metric`} label="Chart" value={metric} onChange={({ value }) => setMetric(value as Metric)}>
                  {charted.map((m) => <SelectList.Option key={m} label={metricName(m)} value={m} />)}
                </SelectList>
              </Box>
              {chart && <AnalyticsChart data={chart} label={`${metricName(metric)} per day, ${start} to ${end}${keys[0] === 'all' ? '' : `, by ${splitName(split).toLowerCase()}`}`} />}
            </Flex>
          </section>
        </Flex>
      )}
    </Flex>
  );
}
