// Web paths of boards and sections (/<user>/<board>/...), which /v5 objects do not carry: asked of the server by id
// (GET /api/app/pages/paths) and remembered, since a board's path changes only when it is renamed.
import { useEffect, useState } from 'react';
import { corkboard } from './api.js';

const known = new Map<string, string>(); // 'b:<id>' or 's:<id>' -> path

/** Asks for the paths not known yet; resolves when they are (unknown or invisible ones stay absent). */
export async function loadPaths(boardIds: readonly string[], sectionIds: readonly string[] = []): Promise<void> {
  const boards = [...new Set(boardIds)].filter((id) => !known.has(`b:${id}`));
  const sections = [...new Set(sectionIds)].filter((id) => !known.has(`s:${id}`));
  for (let i = 0; i < Math.max(boards.length, sections.length); i += 250) {
    const query = { board_ids: boards.slice(i, i + 250).join(','), section_ids: sections.slice(i, i + 250).join(',') };
    const { data } = await corkboard.GET('/api/app/pages/paths', { params: { query } });
    for (const [id, path] of Object.entries(data?.boards ?? {})) known.set(`b:${id}`, path);
    for (const [id, path] of Object.entries(data?.sections ?? {})) known.set(`s:${id}`, path);
  }
}

/** Forgets a board's path (after a rename or delete), so the next ask gets the new one. */
export function forgetBoardPath(boardId: string): void {
  known.delete(`b:${boardId}`);
}

/** Forgets a section's path (after a rename or delete, or its board's rename). */
export function forgetSectionPath(sectionId: string): void {
  known.delete(`s:${sectionId}`);
}

export const boardPath = (id: string) => known.get(`b:${id}`);
export const sectionPath = (id: string) => known.get(`s:${id}`);

/** The paths of these boards (and sections), filled in as they arrive: re-renders once they have. */
export function useWebPaths(boardIds: readonly string[], sectionIds: readonly string[] = []): { board(id: string): string | undefined; section(id: string): string | undefined } {
  const [, setVersion] = useState(0);
  const key = `${boardIds.join(',')}|${sectionIds.join(',')}`;
  useEffect(() => {
    let live = true;
    void loadPaths(boardIds, sectionIds).then(() => { if (live) setVersion((v) => v + 1); }, () => undefined);
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { board: boardPath, section: sectionPath };
}
