// The spec's Account object for a user. Counts are computed from stored rows, never invented.
import type { BoardsRepository } from '../repositories/boards.js';
import type { PinsRepository } from '../repositories/pins.js';
import type { UserRow } from '../repositories/users.js';

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

export class AccountService {
  constructor(private readonly boards: BoardsRepository, private readonly pins: PinsRepository, private readonly publicUrl: () => string) {}

  async get(user: UserRow): Promise<Account> {
    const [boardCount, pinCount] = await Promise.all([this.boards.countByOwner(user.id), this.pins.countByOwner(user.id)]);
    return {
      id: user.id,
      username: user.username,
      account_type: user.account_type,
      profile_image: user.profile_image ?? `${this.publicUrl()}/assets/default-avatar.svg`,
      website_url: user.website_url,
      about: user.about,
      business_name: user.business_name,
      board_count: boardCount,
      pin_count: pinCount,
      // follows and view events are not recorded by this version: nobody follows anyone and nothing was viewed yet
      follower_count: 0,
      following_count: 0,
      monthly_views: 0,
    };
  }
}
