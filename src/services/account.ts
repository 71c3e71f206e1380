// The spec's Account object for a user. Counts are computed from stored rows, never invented.
import { TtlCache } from '../lib/ttl-cache.js';
import type { BoardsRepository } from '../repositories/boards.js';
import type { FollowsRepository } from '../repositories/follows.js';
import type { PinsRepository } from '../repositories/pins.js';
import type { UserRow } from '../repositories/users.js';
import { profileImageUrl } from './account-settings.js';

export interface Account {
  id: string;
  username: string;
  account_type: 'PINNER' | 'BUSINESS';
  profile_image: string;
  website_url: string;
  about: string;
  business_name: string | null;
  board_count: number;
  pin_count: number;
  follower_count: number;
  following_count: number;
  monthly_views: number;
}

/**
 * Board and pin counts of recently read accounts. Writes through this process forget the owner's entry at once
 * (countsChanged); writes through another instance show here within COUNTS_TTL_MS. Counting on every call cost
 * more than the rest of GET /v5/user_account together (see npm run bench).
 */
const COUNTS_TTL_MS = 5_000;

interface Counts { boards: number; pins: number; followers: number; following: number }

export class AccountService {
  private readonly counts = new TtlCache<Counts>(COUNTS_TTL_MS, 10_000);

  constructor(
    private readonly boards: BoardsRepository,
    private readonly pins: PinsRepository,
    private readonly follows: FollowsRepository,
    private readonly publicUrl: () => string,
  ) {}

  countsChanged(userId: string): void {
    this.counts.delete(userId);
  }

  private async countsOf(userId: string): Promise<Counts> {
    const cached = this.counts.get(userId);
    if (cached) return cached;
    const [boards, pins, follows] = await Promise.all([this.boards.countByOwner(userId), this.pins.countByOwner(userId), this.follows.counts(userId)]);
    const counts = { boards, pins, ...follows };
    this.counts.set(userId, counts);
    return counts;
  }

  async get(user: UserRow): Promise<Account> {
    const counts = await this.countsOf(user.id);
    return {
      id: user.id,
      username: user.username,
      account_type: user.account_type,
      profile_image: profileImageUrl(user, this.publicUrl()),
      website_url: user.website_url,
      about: user.about,
      business_name: user.business_name,
      board_count: counts.boards,
      pin_count: counts.pins,
      follower_count: counts.followers,
      following_count: counts.following,
      // views are not recorded yet (they arrive with the analytics event log): nothing has been viewed
      monthly_views: 0,
    };
  }
}
