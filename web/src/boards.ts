// The boards the home page lists, read through the SDK's /v5 client.
import type { PinterestComponents } from '../../src/sdk/index.js';

export type Board = PinterestComponents['schemas']['Board'];
export type Privacy = 'PUBLIC' | 'PROTECTED' | 'SECRET';
