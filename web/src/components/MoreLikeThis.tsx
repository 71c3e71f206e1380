// "More like this" under a closeup: GET /v5/search/pins for the pin's words, the pin itself (and copies saved
// from it) left out, in the PinGrid. /v5 search wants every word of a query in a pin, so each word is its own
// search (a few of them, the title's first) and pins matching more of the words come first.
import { Box, Heading } from 'gestalt';
import { useEffect, useState } from 'react';
import { errorMessage, pinterest, unwrap } from '../api.js';
import type { Notify } from '../App.js';
import { PinGrid } from './PinGrid.js';
import type { Pin } from './PinImage.js';

const MAX_WORDS = 5;
// Words too common to say what a pin is about.
const COMMON = new Set(['the', 'and', 'for', 'with', 'this', 'that', 'from', 'your', 'you', 'are', 'was', 'were', 'has', 'have', 'its', 'our', 'but', 'not', 'all', 'any', 'can', 'into', 'over', 'then', 'than', 'they', 'them', 'what', 'when', 'how', 'who', 'why', 'one', 'out']);

/** The distinct words a pin is searched by: the title's, then the description's; three letters or more. */
export function wordsOf(pin: Pin): string[] {
  const words = `${pin.title ?? ''} ${pin.description ?? ''}`.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !COMMON.has(w)))].slice(0, MAX_WORDS);
}

export function MoreLikeThis({ pin, notify }: { pin: Pin; notify: Notify }) {
  const [pins, setPins] = useState<Pin[] | null>(null);
  const words = wordsOf(pin).join(' ');
  useEffect(() => {
    let live = true;
    setPins(null);
    const same = new Set([pin.id, pin.parent_pin_id].filter(Boolean));
    void Promise.all(words.split(' ').filter(Boolean).map(async (word) => (await unwrap(pinterest.GET('/search/pins', { params: { query: { query: word } } }))).items ?? []))
      .then((lists) => {
        const score = new Map<string, { pin: Pin; hits: number; first: number }>();
        lists.flat().forEach((p, order) => {
          if (!p.id || same.has(p.id) || (p.parent_pin_id && same.has(p.parent_pin_id))) return;
          const seen = score.get(p.id);
          if (seen) seen.hits += 1; else score.set(p.id, { pin: p, hits: 1, first: order });
        });
        if (live) setPins([...score.values()].sort((a, b) => b.hits - a.hits || a.first - b.first).map((s) => s.pin));
      }, (e: unknown) => { if (live) { setPins([]); notify(errorMessage(e)); } });
    return () => { live = false; };
  }, [pin.id, pin.parent_pin_id, words, notify]);

  if (!pins?.length) return null;
  return (
    <Box as="section" marginTop={8} aria-label="More like this">
      <Box marginBottom={4}><Heading size="400" align="center" accessibilityLevel={2}>More like this</Heading></Box>
      <PinGrid pins={pins} label="More like this" />
    </Box>
  );
}
