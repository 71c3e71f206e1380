// Uploads for deployments whose storage cannot take browser uploads itself (the file store): Corkboard signs
// S3-style POST policies with an instance secret and checks them at its own upload endpoint, /uploads/.
import { checkPostPolicy, signPostPolicy, type CheckedPolicy } from '../lib/post-policy.js';
import type { UploadGrant } from '../adapters/blob-store/blob-store.js';

const BUCKET = 'corkboard-uploads';
const REGION = 'us-east-1';
const ACCESS_KEY_ID = 'CORKBOARD';

export class LocalUploads {
  constructor(private readonly publicUrl: () => string, private readonly secret: string) {}

  grant(key: string, contentType: string, maxBytes: number, expires: Date): UploadGrant {
    return {
      url: `${this.publicUrl()}/uploads/`,
      fields: signPostPolicy({ bucket: BUCKET, key, contentType, maxBytes, expires, region: REGION, accessKeyId: ACCESS_KEY_ID, secret: this.secret }),
    };
  }

  /** Throws PolicyError (S3's status and code) unless the fields carry a valid, unexpired policy. */
  check(fields: Record<string, string>): CheckedPolicy {
    return checkPostPolicy(fields, BUCKET, this.secret);
  }
}
