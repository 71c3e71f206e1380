// Follow / Unfollow for a signed-in viewer of someone else's board (PUT / DELETE /api/app/boards/{id}/follow):
// the answer carries the board's follower count, which the page shows.
import { Button } from 'gestalt';
import { useEffect, useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import type { Notify } from '../App.js';

export function FollowBoardButton({ boardId, boardName, onCount, notify }: { boardId: string; boardName: string; onCount(count: number): void; notify: Notify }) {
  const [following, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { board_id: boardId };
  useEffect(() => {
    let live = true;
    void corkboard.GET('/api/app/boards/{board_id}/follow', { params: { path: { board_id: boardId } } }).then(({ data, error }) => {
      if (!live) return;
      if (data) { setFollowing(data.following); onCount(data.follower_count); } else notify(errorMessage(error));
    }, (e: unknown) => { if (live) notify(errorMessage(e)); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, notify]);

  const toggle = async () => {
    setBusy(true);
    try {
      const { data, error } = following
        ? await corkboard.DELETE('/api/app/boards/{board_id}/follow', { params: { path } })
        : await corkboard.PUT('/api/app/boards/{board_id}/follow', { params: { path } });
      if (!data) { notify(errorMessage(error)); return; }
      setFollowing(data.following);
      onCount(data.follower_count);
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  if (following === null) return null;
  return following
    ? <Button text="Unfollow" color="gray" disabled={busy} onClick={toggle} accessibilityLabel={`Unfollow ${boardName}`} />
    : <Button text="Follow" color="red" disabled={busy} onClick={toggle} accessibilityLabel={`Follow ${boardName}`} />;
}
