// Blob store of the scaled deployment: an S3-compatible bucket (AWS, MinIO, Ceph, R2...). Credentials come
// from the AWS SDK's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, instance roles).
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { isValidKey, type BlobRange, type BlobStore, type UploadGrant } from './blob-store.js';

export interface S3Options {
  bucket: string; endpoint?: string; region: string; prefix?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');
}

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly opts: S3Options) {
    // Path-style addressing whenever an endpoint is given: MinIO and most self-hosted stores need it. Checksums only
    // when required: the SDK's default streams uploads as aws-chunked, which not every S3-compatible store speaks.
    this.client = new S3Client({
      region: opts.region, ...(opts.credentials ? { credentials: opts.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
    });
  }

  private key(key: string): string {
    if (!isValidKey(key)) throw new Error(`invalid blob key ${JSON.stringify(key)}`);
    return (this.opts.prefix ?? '') + key;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.opts.bucket, Key: this.key(key), Body: data, ContentType: contentType }));
  }

  async putFile(key: string, file: string, contentType: string): Promise<void> {
    const { size } = await stat(file);
    await this.client.send(new PutObjectCommand({
      Bucket: this.opts.bucket, Key: this.key(key), Body: createReadStream(file), ContentLength: size, ContentType: contentType,
    }));
  }

  async stat(key: string) {
    if (!isValidKey(key)) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(key) }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async get(key: string, range?: BlobRange) {
    if (!isValidKey(key)) return null;
    try {
      const res = await this.client.send(new GetObjectCommand({
        Bucket: this.opts.bucket, Key: this.key(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
      }));
      const total = res.ContentRange ? Number(res.ContentRange.split('/')[1]) : (res.ContentLength ?? 0);
      return { size: total, contentType: res.ContentType ?? 'application/octet-stream', body: res.Body as Readable };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(key) }));
  }

  /** A presigned POST policy: clients upload straight into the bucket, exactly to `key`, at most maxBytes. */
  async directUpload(key: string, contentType: string, maxBytes: number, expires: Date): Promise<UploadGrant> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.opts.bucket, Key: this.key(key), Fields: { 'Content-Type': contentType },
      Conditions: [['content-length-range', 1, maxBytes], { 'Content-Type': contentType }],
      Expires: Math.max(1, Math.round((expires.getTime() - Date.now()) / 1000)),
    });
    return { url, fields };
  }

  describe(): string {
    return `s3://${this.opts.bucket}${this.opts.endpoint ? ` at ${this.opts.endpoint}` : ''}`;
  }
}
