// The /api/app/ routes of profiles and boards: what /v5 cannot read for this viewer (another user's profile,
// boards and pins; anything at all for a guest), in /v5's shapes, with the same privacy rules (PUBLIC content,
// and the viewer's own); and following a board (/v5 has no operation for it).
import type { AppResponse, AppRoute } from './routes.js';
import { AppError } from './schemas.js';
import { BoardFollow, BoardIdParams, BoardList, Board, PageParams, PinList, Profile, SectionIdParams, SectionList, UsernameParams } from './profiles-schemas.js';

const error = (description: string): AppResponse => ({ description, schema: AppError });
const badRequest = error('A parameter breaks its rule (page_size 1 to 250, a bookmark from a previous page, numeric ids); the message names it.');
const read = (what: string, summary: string, schema: AppResponse['schema'], notFound: string, paged = true) => ({
  method: 'GET', csrf: false, tag: 'profiles', summary, ...(paged ? { query: PageParams } : {}),
  responses: { 200: { description: what, schema }, 400: badRequest, 404: error(notFound) },
}) as const;
const userGone = "No such user (code 30).";
const boardGone = 'No such board, or not one this viewer may see (code 40).';
function follow(method: 'GET' | 'PUT' | 'DELETE', summary: string) {
  const responses: Record<number, AppResponse> = {
    200: { description: 'Whether the viewer follows the board now, and its follower count.', schema: BoardFollow },
    400: error(method === 'PUT' ? "The board is the viewer's own (code 1), or board_id is not an id." : 'board_id is not an id.'),
    401: error('No one is logged in.'),
    404: error(boardGone),
  };
  if (method !== 'GET') responses[403] = error('The CSRF proof failed.');
  return { method, path: '/api/app/boards/:board_id/follow', csrf: method !== 'GET', tag: 'profiles', summary, params: BoardIdParams, responses } as const;
}

export const PROFILE_ROUTES = {
  profile: {
    ...read('The profile.', "A user's profile as /v5/user_account has it; counts of what this viewer may see (all of it for the user themself).", Profile, userGone, false),
    path: '/api/app/profiles/:username', operationId: 'profiles/get', params: UsernameParams,
  },
  profileBoards: {
    ...read('A page of boards.', "A user's boards, newest first: PUBLIC ones, and all of one's own (secret ones too).", BoardList, userGone),
    path: '/api/app/profiles/:username/boards', operationId: 'profiles/boards', params: UsernameParams,
  },
  profilePins: {
    ...read('A page of pins.', "A user's pins, newest first: those on PUBLIC boards, and one's own (not on PROTECTED boards, as /v5/pins).", PinList, userGone),
    path: '/api/app/profiles/:username/pins', operationId: 'profiles/pins', params: UsernameParams,
  },
  board: {
    ...read('The board.', 'A board as GET /v5/boards/{board_id} answers it, for a guest too: PUBLIC boards, and one\'s own.', Board, boardGone, false),
    path: '/api/app/boards/:board_id', operationId: 'boards/get', params: BoardIdParams,
  },
  boardSections: {
    ...read('A page of sections.', "A board's sections, as GET /v5/boards/{board_id}/sections answers them.", SectionList, boardGone),
    path: '/api/app/boards/:board_id/sections', operationId: 'boards/sections', params: BoardIdParams,
  },
  boardPins: {
    ...read('A page of pins.', "A board's pins (its sections' too), newest first, as GET /v5/boards/{board_id}/pins answers them.", PinList, boardGone),
    path: '/api/app/boards/:board_id/pins', operationId: 'boards/pins', params: BoardIdParams,
  },
  sectionPins: {
    ...read('A page of pins.', "A section's pins, newest first, as GET /v5/boards/{board_id}/sections/{section_id}/pins answers them.", PinList,
      'No such board or section, or not one this viewer may see (code 40 or 2031).'),
    path: '/api/app/boards/:board_id/sections/:section_id/pins', operationId: 'boards/section-pins', params: SectionIdParams,
  },
  boardFollowState: { ...follow('GET', 'Whether the signed-in viewer follows a board, and its follower count.'), operationId: 'boards/follow-state' },
  followBoard: { ...follow('PUT', "Follows a PUBLIC board of someone else's (following it again changes nothing)."), operationId: 'boards/follow' },
  unfollowBoard: { ...follow('DELETE', 'Stops following a board (not following it is fine).'), operationId: 'boards/unfollow' },
} as const satisfies Record<string, AppRoute>;
