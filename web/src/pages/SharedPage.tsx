// The shareable paths (/pin/<id>/, /<user>/, /<user>/pins/, /<user>/<board>/, /<user>/<board>/<section>/): asks the
// server what the path shows to this visitor (the same verdict as the page's HTTP status), then shows that page.
import { Box, Flex, Spinner } from 'gestalt';
import { useEffect, useState } from 'react';
import type { CorkboardComponents } from '../../../src/sdk/index.js';
import { corkboard, errorMessage } from '../api.js';
import type { Notify } from '../App.js';
import type { User } from '../session.js';
import { NotFound } from './NotFound.js';
import { BoardPage } from './shared/BoardPage.js';
import { PinPage } from './shared/PinPage.js';
import { ProfilePage } from './shared/ProfilePage.js';

export type PathTarget = CorkboardComponents['schemas']['PathTarget'];

export function SharedPage({ pathname, user, notify }: { pathname: string; user: User | null; notify: Notify }) {
  const [target, setTarget] = useState<PathTarget | 'not-found' | null>(null);
  useEffect(() => {
    let live = true;
    setTarget(null);
    corkboard.GET('/api/app/pages/resolve', { params: { query: { path: pathname } } }).then(({ data, error, response }) => {
      if (!live) return;
      if (data) setTarget(data);
      else if (response.status === 404) setTarget('not-found');
      else { notify(errorMessage(error)); setTarget('not-found'); }
    }, (e: unknown) => { if (live) { notify(errorMessage(e)); setTarget('not-found'); } });
    return () => { live = false; };
  }, [pathname, notify, user?.id]);

  if (target === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading" /></Flex></Box>;
  if (target === 'not-found') return <NotFound />;
  switch (target.kind) {
    case 'pin': return <PinPage key={target.pin_id} pinId={target.pin_id} user={user} notify={notify} />;
    case 'user': case 'user-pins': return <ProfilePage key={target.username} username={target.username} tab={target.kind === 'user' ? 'boards' : 'pins'} user={user} notify={notify} />;
    case 'board': return <BoardPage key={target.board_id} boardId={target.board_id} user={user} notify={notify} />;
    case 'section': return <BoardPage key={target.section_id} boardId={target.board_id} sectionId={target.section_id} user={user} notify={notify} />;
  }
}
