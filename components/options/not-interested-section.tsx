import { useState } from 'preact/hooks';
import { notInterestedPapers } from '../../lib/db/ranking';
import { formatCount, formatDay } from './format';
import { useServices } from './services';
import { useLiveQuery } from './use-live-query';

/** The papers marked "Not interested": hidden from the feed, and what ranking learns to avoid. Any can be taken back. */
export function NotInterestedSection() {
  const { send } = useServices();
  const papers = useLiveQuery(notInterestedPapers, [], null);
  const [problem, setProblem] = useState<string | null>(null);
  const takeBack = (id: string) => {
    setProblem(null);
    send('setNotInterested', { ids: [id], value: false }).catch((error: unknown) => setProblem(`Could not take it back: ${error instanceof Error ? error.message : String(error)}`));
  };
  return (
    <section id="not-interested" class="panel" aria-labelledby="not-interested-title">
      <h2 id="not-interested-title">Not interested</h2>
      <p class="lead">
        Papers you marked “Not interested” are hidden from the feed, and the “For you” order shows fewer papers like them. Taking one back
        returns it to the feed and to what the order learns from.
      </p>
      {papers === null ? null : papers.length === 0 ? (
        <p>None yet: press “Not interested” (or n) on a card.</p>
      ) : (
        <>
          <p>{formatCount(papers.length, 'paper', 'papers')}</p>
          <ul class="plain-list" data-testid="not-interested-list">
            {papers.map((paper) => (
              <li key={paper.id} data-arxiv-id={paper.id}>
                <span>
                  {paper.title} <span class="hint">· marked {formatDay(new Date(paper.notInterestedAt ?? 0).toISOString())}</span>
                </span>{' '}
                <button type="button" class="button-secondary" onClick={() => takeBack(paper.id)}>
                  Take back
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
