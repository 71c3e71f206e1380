// Boards as Pinterest shows them on a profile: a rounded cover, the name, the pin count, a lock on secret
// boards. Each links to the board's page (/<user>/<board>/, from the server: /v5 boards carry no URL).
import { Box, Icon, Link, Mask, Text } from 'gestalt';
import type { Board } from '../boards.js';
import { useWebPaths } from '../paths.js';

export function BoardGrid({ boards, label = 'Your boards' }: { boards: readonly Board[]; label?: string }) {
  const paths = useWebPaths(boards.map((b) => b.id!));
  return (
    <ul className="board-grid" aria-label={label}>
      {boards.map((b) => (
        <li key={b.id}>
          <Link href={paths.board(b.id!) ?? '#'} rounding={4} underline="none" display="block">
            <Mask rounding={4}>
              <div className="board-cover">
                {b.media?.image_cover_url
                  ? <img src={b.media.image_cover_url} alt={`Cover of ${b.name}`} loading="lazy" />
                  : <span className="board-cover-empty" role="img" aria-label={`${b.name} has no pins yet`} />}
              </div>
            </Mask>
            <Box paddingX={1} paddingY={2}>
              <Text weight="bold" size="300" lineClamp={1}>{b.name}</Text>
              <Box display="flex" alignItems="center">
                <Text size="100" color="subtle">{b.pin_count ?? 0} {b.pin_count === 1 ? 'Pin' : 'Pins'}</Text>
                {b.privacy === 'SECRET' && <Box marginStart={2}><Icon icon="lock" size={12} color="subtle" accessibilityLabel="Secret board" /></Box>}
                {b.privacy === 'PROTECTED' && <Box marginStart={2}><Text size="100" color="subtle">· Protected</Text></Box>}
              </Box>
            </Box>
          </Link>
        </li>
      ))}
    </ul>
  );
}
