// A user's profile, boards and pins as any viewer may see them, in /v5's shapes: /v5 reads only the caller's own
// account and boards, and a guest has no /v5 at all. The viewer sees PUBLIC content of others and everything of
// their own (privacy.ts decides, as for /v5). Board pages for guests read here too, through the /v5 services with
// the viewer as the principal, so what a guest sees of a public board is what /v5 shows of it; and the board
// follows of the web app's Follow button.
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import type { BoardsRepository } from '../repositories/boards.js';
import type { PinsRepository } from '../repositories/pins.js';
import type { PublicContentRepository } from '../repositories/public-content.js';
import type { AccountService } from './account.js';
import type { Board, BoardsService } from './boards.js';
import type { FollowsService } from './follows.js';
import type { Principal } from './oauth.js';
import type { Pin, PinsService } from './pins.js';
import { ownVisiblePrivacies } from './privacy.js';
import type { BoardSection, SectionsService } from './sections.js';
import type { UsersService } from './users.js';

export interface Profile {
  id: string; username: string; account_type: 'PINNER' | 'BUSINESS'; profile_image: string; website_url: string; about: string;
  business_name: string | null; board_count: number; pin_count: number; follower_count: number; following_count: number;
}

export interface BoardFollow { following: boolean; follower_count: number }

export class ProfilesService {
  constructor(
    private readonly users: UsersService,
    private readonly boardsRepo: BoardsRepository,
    private readonly pinsRepo: PinsRepository,
    private readonly publicRepo: PublicContentRepository,
    private readonly accounts: AccountService,
    private readonly follows: FollowsService,
    private readonly boards: BoardsService,
    private readonly sections: SectionsService,
    private readonly pins: PinsService,
  ) {}

  /** The account's own view counts everything (as /v5/user_account does); anyone else's counts PUBLIC boards and their pins. */
  async profile(viewer: Principal, username: string): Promise<Profile> {
    const user = await this.users.byUsername(username);
    const account = await this.accounts.get(user);
    const { monthly_views: _private, ...shown } = account; // views are the owner's analytics, not the profile's
    if (user.id === viewer.user.id) return shown;
    const counts = await this.publicRepo.countsOf(user.id, ['PUBLIC']);
    return { ...shown, board_count: counts.boards, pin_count: counts.pins };
  }

  async boardsOf(viewer: Principal, username: string, page: PageRequest): Promise<Page<Board>> {
    const user = await this.users.byUsername(username);
    const privacies = user.id === viewer.user.id ? ownVisiblePrivacies(viewer, 'boards') : ['PUBLIC' as const];
    const pageOf = toPage(await this.boardsRepo.listByOwner(user.id, privacies, page), page, (b) => [b.id]);
    return { items: await this.boards.present(pageOf.items), bookmark: pageOf.bookmark };
  }

  /** The user's pins, newest first: on boards this viewer may see (/v5/pins leaves out PROTECTED ones; so does this). */
  async pinsOf(viewer: Principal, username: string, page: PageRequest): Promise<Page<Pin>> {
    const user = await this.users.byUsername(username);
    const privacies = user.id === viewer.user.id ? ownVisiblePrivacies(viewer, 'pins').filter((p) => p !== 'PROTECTED') : ['PUBLIC' as const];
    const pageOf = toPage(await this.pinsRepo.listByOwner(user.id, { privacies }, page), page, (r) => [r.id]);
    return { items: await this.pins.present(viewer.user.id, pageOf.items), bookmark: pageOf.bookmark };
  }

  board(viewer: Principal, boardId: string): Promise<Board> {
    return this.boards.get(viewer, boardId);
  }

  sectionsOf(viewer: Principal, boardId: string, page: PageRequest): Promise<Page<BoardSection>> {
    return this.sections.list(viewer, boardId, page);
  }

  boardPins(viewer: Principal, boardId: string, page: PageRequest): Promise<Page<Pin>> {
    return this.pins.listOnBoard(viewer, boardId, undefined, page);
  }

  sectionPins(viewer: Principal, boardId: string, sectionId: string, page: PageRequest): Promise<Page<Pin>> {
    return this.pins.listInSection(viewer, boardId, sectionId, page);
  }

  async followState(viewer: Principal, boardId: string): Promise<BoardFollow> {
    const board = await this.boards.visible(viewer, boardId);
    return { following: await this.follows.followsBoard(viewer.user.id, board.id), follower_count: board.follower_count };
  }

  async follow(viewer: Principal, boardId: string): Promise<BoardFollow> {
    await this.follows.followBoard(viewer, boardId);
    return this.followState(viewer, boardId);
  }

  async unfollow(viewer: Principal, boardId: string): Promise<BoardFollow> {
    await this.follows.unfollowBoard(viewer, boardId);
    return this.followState(viewer, boardId);
  }
}
