// Base64 fields of JSON bodies (image uploads): whitespace is ignored, anything else that is not base64 is a
// 400 naming the field rather than bytes silently dropped by Buffer.from.
import { errors } from './api-error.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(data: string, field: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!clean || clean.length % 4 === 1 || !BASE64.test(clean)) throw errors.invalid(`Invalid parameters: ${field} is not base64 data.`);
  return Buffer.from(clean, 'base64');
}
