// S3 browser-based POST uploads (AWS Signature Version 4 POST policies): signing the form fields a client must
// send, and checking a submitted form the way S3 does. Corkboard's own upload endpoint uses the checker, so
// clients written for Pinterest's S3 uploads work unchanged against the embedded deployment.
import { createHmac } from 'node:crypto';
import { safeEqual } from './secrets.js';

export interface PolicyGrant {
  bucket: string;
  key: string;
  contentType: string;
  maxBytes: number;
  expires: Date;
  region: string;
  accessKeyId: string;
  secret: string;
  now?: Date;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''); // 20220127T185143Z

function signature(secret: string, date: string, region: string, policy: string): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(policy).digest('hex');
}

/** The form fields (upload_parameters) that let a client POST one object of at most maxBytes to `key`. */
export function signPostPolicy(g: PolicyGrant): Record<string, string> {
  const now = g.now ?? new Date();
  const date = amzDate(now);
  const credential = `${g.accessKeyId}/${date.slice(0, 8)}/${g.region}/s3/aws4_request`;
  const policy = Buffer.from(JSON.stringify({
    expiration: g.expires.toISOString(),
    conditions: [
      { bucket: g.bucket }, { key: g.key }, { 'Content-Type': g.contentType }, ['content-length-range', 1, g.maxBytes],
      { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }, { 'x-amz-credential': credential }, { 'x-amz-date': date },
    ],
  })).toString('base64');
  return {
    'Content-Type': g.contentType, key: g.key, policy, 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-credential': credential,
    'x-amz-date': date, 'x-amz-signature': signature(g.secret, date.slice(0, 8), g.region, policy),
  };
}

/** A refusal in S3's terms: the HTTP status and the XML error code S3 answers with. */
export class PolicyError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

export interface CheckedPolicy { key: string; minBytes: number; maxBytes: number }

/**
 * Checks the fields sent before the file: signature, algorithm, expiry, and that every field the policy names
 * matches it (and no x-amz-* field is left unnamed). Returns what the file itself must satisfy.
 */
export function checkPostPolicy(fields: Record<string, string>, bucket: string, secret: string, now = new Date()): CheckedPolicy {
  const need = (name: string) => {
    const v = fields[name];
    if (!v) throw new PolicyError(400, 'InvalidArgument', `Bucket POST must contain a field named '${name}'.`);
    return v;
  };
  const policy = need('policy');
  if (need('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') throw new PolicyError(400, 'InvalidArgument', 'Only AWS4-HMAC-SHA256 is supported.');
  const credential = need('x-amz-credential').split('/');
  const date = need('x-amz-date');
  if (credential.length !== 5 || credential[1] !== date.slice(0, 8)) throw new PolicyError(400, 'AuthorizationQueryParametersError', 'The credential is malformed.');
  const expected = signature(secret, credential[1]!, credential[2]!, policy);
  if (!safeEqual(expected, need('x-amz-signature'))) {
    throw new PolicyError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  let doc: { expiration?: string; conditions?: unknown[] };
  try { doc = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')); } catch { throw new PolicyError(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.'); }
  if (!doc.expiration || !(Date.parse(doc.expiration) > now.getTime())) throw new PolicyError(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  const values: Record<string, string> = { ...fields, bucket };
  const named = new Set<string>(['policy', 'x-amz-signature', 'file']);
  let range = { minBytes: 0, maxBytes: Number.MAX_SAFE_INTEGER };
  for (const c of doc.conditions ?? []) {
    if (Array.isArray(c) && c[0] === 'content-length-range') { range = { minBytes: Number(c[1]), maxBytes: Number(c[2]) }; continue; }
    const [field, expectedValue, op] = Array.isArray(c)
      ? [String(c[1]).replace(/^\$/, ''), String(c[2]), String(c[0])]
      : [Object.keys(c as object)[0]!, String(Object.values(c as object)[0]), 'eq'];
    named.add(field);
    const actual = values[field] ?? '';
    const ok = op === 'eq' ? actual === expectedValue : op === 'starts-with' ? actual.startsWith(expectedValue) : false;
    if (!ok) throw new PolicyError(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${field}", "${expectedValue}"]`);
  }
  const unnamed = Object.keys(fields).find((f) => f.toLowerCase().startsWith('x-amz-') && !named.has(f));
  if (unnamed) throw new PolicyError(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${unnamed}`);
  return { key: values.key ?? '', ...range };
}
