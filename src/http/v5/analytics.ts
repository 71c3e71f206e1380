import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import type { Metric } from '../../lib/analytics-metrics.js';
import { errors } from '../../lib/api-error.js';
import { isId } from '../../lib/ids.js';
import { AdAccountQuery } from '../../schemas/common.js';
import { period, type AccountFilters, type AppTypeFilter, type PinSplit, type UserSplit } from '../../services/analytics.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';
import { enumList } from './validate.js';

// Metric lists exactly as the spec's parameters enumerate them.
const PIN_METRICS = ['IMPRESSION', 'OUTBOUND_CLICK', 'PIN_CLICK', 'SAVE', 'SAVE_RATE', 'TOTAL_COMMENTS', 'TOTAL_REACTIONS', 'USER_FOLLOW', 'PROFILE_VISIT',
  'VIDEO_MRC_VIEW', 'VIDEO_10S_VIEW', 'QUARTILE_95_PERCENT_VIEW', 'VIDEO_V50_WATCH_TIME', 'VIDEO_START', 'VIDEO_AVG_WATCH_TIME'] as const;
const ACCOUNT_METRICS = ['ENGAGEMENT', 'ENGAGEMENT_RATE', 'IMPRESSION', 'OUTBOUND_CLICK', 'OUTBOUND_CLICK_RATE', 'PIN_CLICK', 'PIN_CLICK_RATE', 'SAVE', 'SAVE_RATE'] as const;
const VIDEO_METRICS = ['IMPRESSION', 'SAVE', 'VIDEO_MRC_VIEW', 'VIDEO_AVG_WATCH_TIME', 'VIDEO_V50_WATCH_TIME', 'QUARTILE_95_PERCENT_VIEW', 'VIDEO_10S_VIEW', 'VIDEO_START', 'OUTBOUND_CLICK'] as const;
const TOP_SORT = ['ENGAGEMENT', 'IMPRESSION', 'OUTBOUND_CLICK', 'PIN_CLICK', 'SAVE'] as const;

const oneOf = (values: readonly string[], def?: string) =>
  def === undefined ? Type.Union(values.map((v) => Type.Literal(v))) : Type.Optional(Type.Union(values.map((v) => Type.Literal(v)), { default: def }));
const List = Type.Optional(Type.Array(Type.String()));

const Dates = { start_date: Type.String(), end_date: Type.String(), ...AdAccountQuery };
const AppTypes = { app_types: oneOf(['ALL', 'MOBILE', 'TABLET', 'WEB'], 'ALL') };
const AccountFilterQuery = {
  ...AppTypes,
  from_claimed_content: oneOf(['OTHER', 'CLAIMED', 'BOTH'], 'BOTH'),
  pin_format: oneOf(['ALL', 'ORGANIC_IMAGE', 'ORGANIC_PRODUCT', 'ORGANIC_VIDEO', 'ADS_STANDARD', 'ADS_PRODUCT', 'ADS_VIDEO', 'ADS_IDEA'], 'ALL'),
  content_type: oneOf(['ALL', 'PAID', 'ORGANIC'], 'ALL'),
  source: oneOf(['ALL', 'YOUR_PINS', 'OTHER_PINS'], 'ALL'),
};

const PinParams = Type.Object({ pin_id: Type.String() });
const PinQuery = Type.Object({ ...Dates, ...AppTypes, metric_types: Type.Array(Type.String()), split_field: oneOf(['NO_SPLIT', 'APP_TYPE'], 'NO_SPLIT') });
const MultiPinQuery = Type.Object({ ...Dates, ...AppTypes, pin_ids: Type.Array(Type.String(), { minItems: 1 }), metric_types: Type.Array(Type.String()) });
const AccountQuery = Type.Object({
  ...Dates, ...AccountFilterQuery, metric_types: List,
  split_field: oneOf(['NO_SPLIT', 'APP_TYPE', 'OWNED_CONTENT', 'SOURCE', 'PIN_FORMAT'], 'NO_SPLIT'),
});
const topQuery = (sortBy: readonly string[]) => Type.Object({
  ...Dates, ...AccountFilterQuery, metric_types: List, sort_by: oneOf(sortBy),
  num_of_pins: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  created_in_last_n_days: Type.Optional(Type.Literal(30)),
});
const TopPinsQuery = topQuery(TOP_SORT);
const TopVideoQuery = topQuery(VIDEO_METRICS);

type AccountQ = Static<typeof AccountQuery>;
const filtersOf = (q: Omit<AccountQ, 'start_date' | 'end_date' | 'split_field' | 'metric_types'>): AccountFilters => ({
  appTypes: q.app_types ?? 'ALL', claimed: q.from_claimed_content ?? 'BOTH', source: q.source ?? 'ALL',
  pinFormat: q.pin_format ?? 'ALL', contentType: q.content_type ?? 'ALL',
} as AccountFilters);

/** A comma-or-repeat metric list from the spec's enum; `fallback` when the parameter is optional and absent. */
function metricList(raw: string[] | undefined, allowed: readonly string[], fallback?: readonly string[]): Metric[] {
  const given = enumList(raw, allowed, 'metric_types');
  if (given && !given.length && !fallback) throw errors.invalid('Invalid parameters: metric_types needs at least one metric.');
  return [...new Set(given?.length ? given : fallback ?? [])] as Metric[];
}

export function analyticsRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'pins/analytics', { params: PinParams, querystring: PinQuery }, async (req) => {
    const q = req.query as Static<typeof PinQuery>;
    const per = period(q.start_date, q.end_date);
    return ctx.analytics.pin(principalOf(req), (req.params as Static<typeof PinParams>).pin_id, per, (q.app_types ?? 'ALL') as AppTypeFilter,
      metricList(q.metric_types, PIN_METRICS), (q.split_field ?? 'NO_SPLIT') as PinSplit);
  });

  apiRoute(app, 'multi_pins/analytics', { querystring: MultiPinQuery }, async (req) => {
    const q = req.query as Static<typeof MultiPinQuery>;
    const ids = q.pin_ids.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    if (!ids.length || ids.some((id) => !isId(id))) throw errors.invalid('Invalid parameters: pin_ids must be a comma-separated list of pin ids.');
    if (ids.length > 100) throw errors.invalid('Invalid parameters: pin_ids takes at most 100 pin ids.');
    const per = period(q.start_date, q.end_date);
    return ctx.analytics.multiPin(principalOf(req), ids, per, (q.app_types ?? 'ALL') as AppTypeFilter, metricList(q.metric_types, PIN_METRICS));
  });

  apiRoute(app, 'user_account/analytics', { querystring: AccountQuery }, async (req) => {
    const q = req.query as AccountQ;
    const per = period(q.start_date, q.end_date);
    return ctx.analytics.account(principalOf(req), per, filtersOf(q), metricList(q.metric_types, ACCOUNT_METRICS, ACCOUNT_METRICS), (q.split_field ?? 'NO_SPLIT') as UserSplit);
  });

  const top = (operationId: string, schema: typeof TopPinsQuery, metrics: readonly string[], videoOnly: boolean) =>
    apiRoute(app, operationId, { querystring: schema }, async (req) => {
      const q = req.query as Static<typeof TopPinsQuery>;
      const per = period(q.start_date, q.end_date);
      return ctx.analytics.top(principalOf(req), per, filtersOf(q), metricList(q.metric_types, metrics, metrics), q.sort_by as Metric,
        q.num_of_pins ?? 10, q.created_in_last_n_days, videoOnly);
    });
  top('user_account/analytics/top_pins', TopPinsQuery, ACCOUNT_METRICS, false);
  top('user_account/analytics/top_video_pins', TopVideoQuery, VIDEO_METRICS, true);
}
