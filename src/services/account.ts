// The spec's Account object for a user. Counts are computed from stored rows, never invented.
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

export interface AccountCounts { board_count: number; pin_count: number; follower_count: number; following_count: number; monthly_views: number }

export const NO_COUNTS: AccountCounts = { board_count: 0, pin_count: 0, follower_count: 0, following_count: 0, monthly_views: 0 };

export function toAccount(user: UserRow, counts: AccountCounts, publicUrl: string): Account {
  return {
    id: user.id,
    username: user.username,
    account_type: user.account_type,
    profile_image: user.profile_image ?? `${publicUrl}/assets/default-avatar.svg`,
    website_url: user.website_url,
    about: user.about,
    business_name: user.business_name,
    ...counts,
  };
}
