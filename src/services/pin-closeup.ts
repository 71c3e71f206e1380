// What a pin's closeup shows beyond the pin: who saved it (the board owner, with the profile image /v5 does not
// carry for other users) and where (board and section), with their web paths. The viewer sees what /v5 lets it see.
import { boardUrl } from './public-content.js';
import type { BoardsService } from './boards.js';
import type { Principal } from './oauth.js';
import type { Pin, PinsService } from './pins.js';
import type { SectionsService } from './sections.js';
import type { UsersService } from './users.js';

export interface PinPlace {
  pinner: { username: string; full_name: string; profile_image: string | null; path: string };
  board: { id: string; name: string; privacy: 'PUBLIC' | 'PROTECTED' | 'SECRET'; path: string };
  section: { id: string; name: string; path: string } | null;
}

export class PinCloseupService {
  constructor(
    private readonly pins: PinsService,
    private readonly boards: BoardsService,
    private readonly sections: SectionsService,
    private readonly users: UsersService,
  ) {}

  /** The pin as GET /v5/pins/{id} answers it to this viewer (404 when it may not see it). */
  pin(viewer: Principal, id: string): Promise<Pin> {
    return this.pins.get(viewer, id);
  }

  async place(viewer: Principal, id: string): Promise<PinPlace> {
    const pin = await this.pins.visible(viewer, id);
    const [board, section, pinner] = await Promise.all([
      this.boards.visible(viewer, pin.board_id),
      pin.board_section_id ? this.sections.of(pin.board_id, pin.board_section_id) : null,
      this.users.byUsername(pin.board_owner_username),
    ]);
    const path = boardUrl(board);
    return {
      pinner: { username: pinner.username, full_name: pinner.business_name || pinner.username, profile_image: pinner.profile_image, path: `/${encodeURIComponent(pinner.username)}/` },
      board: { id: board.id, name: board.name, privacy: board.privacy, path },
      section: section ? { id: section.id, name: section.name, path: `${path}${encodeURIComponent(section.slug)}/` } : null,
    };
  }
}
