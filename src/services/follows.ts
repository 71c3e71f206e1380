// Following users and boards, as Pinterest's follow endpoints describe it: explicit user follows, and implicit
// ones through followed boards; a user's followers and followees; the boards a user follows.
import { errors } from '../lib/api-error.js';
import { isId } from '../lib/ids.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import type { BoardsRepository } from '../repositories/boards.js';
import type { FollowedUser, FollowsRepository } from '../repositories/follows.js';
import type { Board, BoardsService } from './boards.js';
import type { Principal } from './oauth.js';
import type { UsersService } from './users.js';

export interface UserSummary { type: 'user'; username: string }

export type FollowingFeedType = 'ALL' | 'RANKED' | 'CREATOR_ONLY' | 'RANKED_CREATOR_ONLY';

const summary = (u: FollowedUser): UserSummary => ({ type: 'user', username: u.username });

export class FollowsService {
  constructor(
    private readonly repo: FollowsRepository,
    private readonly users: UsersService,
    private readonly boardsRepo: BoardsRepository,
    private readonly boards: BoardsService,
    /** Told whose follower/following counts changed (the account's cached counts). */
    private readonly countsChanged: (userId: string) => void,
  ) {}

  async followUser(p: Principal, username: string): Promise<UserSummary> {
    const target = await this.users.byUsername(username);
    if (target.id === p.user.id) throw errors.invalid('Invalid parameters: a user cannot follow themself.');
    await this.repo.followUser(p.user.id, target.id, new Date().toISOString());
    this.countsChanged(p.user.id);
    this.countsChanged(target.id);
    return { type: 'user', username: target.username };
  }

  /** Follows a board the caller can see (the web app's follow button). */
  async followBoard(p: Principal, boardId: string): Promise<void> {
    const board = await this.boards.visible(p, boardId);
    if (board.owner_id === p.user.id) throw errors.invalid('Invalid parameters: a user cannot follow their own board.');
    if (board.privacy !== 'PUBLIC') throw errors.boardNotFound();
    await this.repo.followBoard(p.user.id, board.id, new Date().toISOString());
  }

  /** Stops following a board; following it not at all is fine. */
  async unfollowBoard(p: Principal, boardId: string): Promise<void> {
    // No visibility check: a board made private since can still be let go of.
    if (isId(boardId)) await this.repo.unfollowBoard(p.user.id, boardId);
  }

  followsBoard(userId: string, boardId: string): Promise<boolean> {
    return this.repo.followsBoard(userId, boardId);
  }

  async following(p: Principal, feedType: FollowingFeedType, explicitOnly: boolean, page: PageRequest): Promise<Page<UserSummary>> {
    // Ranking needs engagement signals Corkboard does not keep; say so rather than answer an unranked list.
    if (feedType === 'RANKED' || feedType === 'RANKED_CREATOR_ONLY') throw errors.invalid(`Invalid parameters: feed_type ${feedType} is not supported; use ALL or CREATOR_ONLY.`);
    const rows = await this.repo.following(p.user.id, { explicitOnly, creatorsOnly: feedType === 'CREATOR_ONLY' }, page);
    return toPage(rows, page, (r) => [r.follow_key], summary);
  }

  async followers(p: Principal, page: PageRequest): Promise<Page<UserSummary>> {
    return toPage(await this.repo.followers(p.user.id, page), page, (r) => [r.follow_key], summary);
  }

  async followedBoards(p: Principal, explicitOnly: boolean, page: PageRequest): Promise<Page<Board>> {
    const ids = await this.repo.followedBoardIds(p.user.id, explicitOnly, page);
    const pageOf = toPage(ids, page, (id) => [id]);
    const rows = new Map((await this.boardsRepo.byIds(pageOf.items)).map((b) => [b.id, b]));
    return { items: await this.boards.present(pageOf.items.map((id) => rows.get(id)!).filter(Boolean)), bookmark: pageOf.bookmark };
  }

  counts(userId: string): Promise<{ followers: number; following: number }> {
    return this.repo.counts(userId);
  }
}
