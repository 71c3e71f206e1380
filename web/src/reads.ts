// Where a page reads boards, sections and pins from: /v5 for a signed-in viewer (the same operations any API client
// has), and the app API's reads in /v5's shapes for what /v5 cannot answer: anything for a guest (who has no /v5),
// and another user's profile, boards and pins.
import { corkboard, pinterest, unwrap } from './api.js';
import type { Board } from './boards.js';
import type { Pin } from './components/PinImage.js';
import type { Section } from './components/SectionModal.js';
import { paged, type ListPage } from './hooks.js';


/** An SDK answer of the board's reads: its data (in /v5's shapes) or its error, and the HTTP status. */
export interface Read<T> { data?: T; error?: unknown; response: Response }

export function boardReads(signedIn: boolean) {
  return signedIn ? {
    board: (id: string) => pinterest.GET('/boards/{board_id}', { params: { path: { board_id: id } } }) as Promise<Read<Board>>,
    sections: async (id: string) => (await unwrap(pinterest.GET('/boards/{board_id}/sections', { params: { path: { board_id: id }, query: { page_size: 100 } } }))).items as Section[] | undefined ?? [],
    pins: async (id: string, bookmark?: string) => (await unwrap(pinterest.GET('/boards/{board_id}/pins', { params: { path: { board_id: id }, query: paged(bookmark) } }))) as ListPage<Pin>,
    sectionPins: async (id: string, sectionId: string, bookmark?: string) =>
      (await unwrap(pinterest.GET('/boards/{board_id}/sections/{section_id}/pins', { params: { path: { board_id: id, section_id: sectionId }, query: paged(bookmark) } }))) as ListPage<Pin>,
  } : {
    board: (id: string) => corkboard.GET('/api/app/boards/{board_id}', { params: { path: { board_id: id } } }) as Promise<Read<Board>>,
    sections: async (id: string) => (await unwrap(corkboard.GET('/api/app/boards/{board_id}/sections', { params: { path: { board_id: id }, query: { page_size: 100 } } }))).items as Section[],
    pins: async (id: string, bookmark?: string) => (await unwrap(corkboard.GET('/api/app/boards/{board_id}/pins', { params: { path: { board_id: id }, query: paged(bookmark) } }))) as ListPage<Pin>,
    sectionPins: async (id: string, sectionId: string, bookmark?: string) =>
      (await unwrap(corkboard.GET('/api/app/boards/{board_id}/sections/{section_id}/pins', { params: { path: { board_id: id, section_id: sectionId }, query: paged(bookmark) } }))) as ListPage<Pin>,
  };
}

/** A profile's counts and details, as /v5/user_account has them. */
export interface ProfileData {
  username: string; business_name?: string | null; profile_image?: string; about?: string; website_url?: string;
  board_count?: number; pin_count?: number; follower_count?: number; following_count?: number;
}

/** One's own profile from /v5 (secret boards included); anyone else's from the app API (what this viewer may see). */
export function profileReads(username: string, own: boolean) {
  return own ? {
    profile: async () => (await unwrap(pinterest.GET('/user_account'))) as ProfileData,
    boards: async (bookmark?: string) => (await unwrap(pinterest.GET('/boards', { params: { query: paged(bookmark, 100) } }))) as ListPage<Board>,
    pins: async (bookmark?: string) => (await unwrap(pinterest.GET('/pins', { params: { query: paged(bookmark) } }))) as ListPage<Pin>,
  } : {
    profile: async () => (await unwrap(corkboard.GET('/api/app/profiles/{username}', { params: { path: { username } } }))) as ProfileData,
    boards: async (bookmark?: string) => (await unwrap(corkboard.GET('/api/app/profiles/{username}/boards', { params: { path: { username }, query: paged(bookmark, 100) } }))) as ListPage<Board>,
    pins: async (bookmark?: string) => (await unwrap(corkboard.GET('/api/app/profiles/{username}/pins', { params: { path: { username }, query: paged(bookmark) } }))) as ListPage<Pin>,
  };
}
