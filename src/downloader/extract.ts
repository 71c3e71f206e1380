// From a parsed link to the pins behind it, in their order: one pin, a board's own pins (its sections' too),
// a section's, or a profile's. Short links are followed once, to a pin or a board.
import { parseTarget, UnsupportedUrl, type Target } from './urls.js';
import { Upstream, UpstreamError, type UpstreamOptions } from './upstream.js';
import { str, type PinJson } from './pin-media.js';

export interface ExtractedPin { pin: PinJson; /** The title of the board section it is in, when known. */ section: string | null }
/** The board a board or section link is on. */
export interface ExtractedBoard { id: string; name: string; description: string | null }
export interface Extracted {
  kind: Exclude<Target['kind'], 'short'>; title: string; board: ExtractedBoard | null;
  /** The titles of the board's sections in the board's order (the one section of a section link). */
  sections: string[];
  pins: ExtractedPin[];
}

interface BoardJson { id: string; name?: unknown; url?: string; description?: unknown }
interface SectionJson { id: string; slug?: string; title?: unknown }

const PAGE_SIZE = 100;

export interface ExtractOptions extends UpstreamOptions { pinterestOrigin: string; maxPins: number }

/** Pins of `items` that really are pins of this board (Pinterest mixes suggestions into some feeds). */
function ownPins(items: PinJson[], boardId?: string): PinJson[] {
  return items.filter((p) => p && typeof p.id === 'string' && (p.type === undefined || p.type === 'pin')
    && (!boardId || !p.board || (p.board as { id?: string }).id === boardId));
}

export async function extract(raw: string, opts: ExtractOptions): Promise<Extracted> {
  let target = parseTarget(raw, opts.pinterestOrigin);
  if (target.kind === 'short') {
    const to = await new Upstream(target.origin, opts).resolveShort(target.code);
    target = parseTarget(to, opts.pinterestOrigin);
    if (target.kind === 'short') throw new UnsupportedUrl(`The short link ${raw} leads to another short link.`);
  }
  const up = new Upstream(target.origin, opts);
  const out: ExtractedPin[] = [];
  const seen = new Map<string, ExtractedPin>();
  const collect = async (name: string, options: Record<string, unknown>, sourceUrl: string, boardId: string | undefined, section: string | null) => {
    for await (const page of up.pages<PinJson>(name, { ...options, page_size: PAGE_SIZE }, sourceUrl, opts.maxPins)) {
      for (const pin of ownPins(page, boardId)) {
        const known = seen.get(pin.id);
        if (known) { known.section ??= section; continue; } // seen in the board's feed, now found in its section
        if (out.length >= opts.maxPins) continue;
        const entry = { pin, section };
        seen.set(pin.id, entry);
        out.push(entry);
      }
    }
    return out;
  };
  const sections = async function* (boardId: string, boardUrl: string) {
    for await (const page of up.pages<SectionJson>('BoardSections', { board_id: boardId }, boardUrl, 10_000)) yield* page;
  };
  switch (target.kind) {
    case 'pin': {
      const { data } = await up.resource<PinJson>('Pin', { id: target.pinId, field_set_key: 'detailed' }, `/pin/${target.pinId}/`);
      if (!data || typeof data.id !== 'string') throw new UpstreamError(`pin ${target.pinId}: the upstream answered an unexpected shape`, false);
      return { kind: 'pin', title: str(data.title) ?? str(data.grid_title) ?? `Pin ${String(data.id)}`, board: null, sections: [], pins: [{ pin: data, section: null }] };
    }
    case 'board':
    case 'section': {
      const boardUrl = `/${encodeURIComponent(target.username)}/${encodeURIComponent(target.board)}/`;
      const { data: board } = await up.resource<BoardJson>('Board', { username: target.username, slug: target.board, field_set_key: 'detailed' }, boardUrl);
      const boardInfo: ExtractedBoard = { id: String(board.id), name: str(board.name) ?? target.board, description: str(board.description) };
      if (target.kind === 'board') {
        // The board's feed, then each section's pins (feeds differ on whether they include sectioned pins).
        await collect('BoardFeed', { board_id: board.id, board_url: boardUrl }, boardUrl, board.id, null);
        const titles: string[] = [];
        for await (const s of sections(board.id, boardUrl)) {
          const title = str(s.title) ?? str(s.slug) ?? String(s.id);
          titles.push(title);
          await collect('BoardSectionPins', { section_id: s.id }, `${boardUrl}${encodeURIComponent(s.slug ?? s.id)}/`, board.id, title);
        }
        return { kind: 'board', title: boardInfo.name, board: boardInfo, sections: titles, pins: out };
      }
      let section: SectionJson | undefined;
      for await (const s of sections(board.id, boardUrl)) if (s.slug === target.section || s.id === target.section) { section = s; break; }
      if (!section) throw new UpstreamError(`section ${target.section} of ${boardUrl}: not found, or not public`, false);
      const sectionUrl = `${boardUrl}${encodeURIComponent(target.section)}/`;
      const title = str(section.title) ?? target.section;
      return { kind: 'section', title, board: boardInfo, sections: [title], pins: await collect('BoardSectionPins', { section_id: section.id }, sectionUrl, board.id, title) };
    }
    case 'profile': {
      const url = `/${encodeURIComponent(target.username)}/`;
      return { kind: 'profile', title: target.username, board: null, sections: [], pins: await collect('UserPins', { username: target.username }, url, undefined, null) };
    }
  }
}
