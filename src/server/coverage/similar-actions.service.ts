import { scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import type { Executor } from '../platform/db/schema.js';
import { getActionForCaller } from '../plans/actions.service.js';
import type { ActionStatus } from '../../shared/enums.js';
import type { SimilarActions, SimilarActionsQuery } from '../../shared/api/territorial.js';
import { mostSimilar, tokenize, type SimilarityDoc, type Token } from './similarity.js';
import { perimeters } from './territorial.repository.js';
import { groupPlaces } from './territorial.service.js';
import * as repo from './similar-actions.repository.js';

export const SIMILARITY_METHOD =
  'Titre, description et public visé de chaque action, mots mis en minuscules, mots grammaticaux écartés, réduits à leur racine ' +
  '(« accueillir » et « accueil » comptent pour un même mot), pondérés par leur rareté parmi les actions que vous pouvez consulter (TF-IDF), ' +
  'comparés par cosinus. Les actions de la même convention ne sont pas proposées.';
const MIN_SCORE = 0.05;

/** Stemmed words of each action text, kept while the action is unchanged (keyed by id and last update). */
const tokenCache = new Map<string, Token[]>();
const CACHE_LIMIT = 200_000;

function tokensOf(row: { id: number; title: string; description: string | null; target_public: string | null; updated_at: string }): Token[] {
  const key = `${row.id}|${row.updated_at}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    if (tokenCache.size >= CACHE_LIMIT) tokenCache.clear();
    tokens = tokenize([row.title, row.description ?? '', row.target_public ?? ''].join(' \n '));
    tokenCache.set(key, tokens);
  }
  return tokens;
}

/** The stems of every action in `keys`: from memory when unchanged, else read and stemmed once. */
async function tokensOfAll(db: Executor, keys: { id: number; updated_at: string }[]): Promise<Map<number, Token[]>> {
  const result = new Map<number, Token[]>();
  const missing: number[] = [];
  for (const k of keys) {
    const cached = tokenCache.get(`${k.id}|${k.updated_at}`);
    if (cached) result.set(k.id, cached);
    else missing.push(k.id);
  }
  for (const row of await repo.actionTexts(db, missing)) result.set(row.id, tokensOf(row));
  return result;
}

/** Actions of other conventions whose text is closest to this one's, among those the caller may see. */
export async function getSimilarActions(db: Executor, principal: Principal, id: number, query: SimilarActionsQuery): Promise<SimilarActions> {
  const action = await getActionForCaller(db, principal, id);
  const keys = await repo.actionKeys(db, scopeOf(principal), principal.kind === 'anonymous');
  const tokens = await tokensOfAll(db, keys);
  const docs: SimilarityDoc[] = keys.map((k) => ({ id: k.id, group: k.convention_id, tokens: tokens.get(k.id) ?? [] }));
  const reference =
    docs.find((d) => d.id === id) ??
    ({ id, group: action.conventionId, tokens: tokenize([action.title, action.description ?? '', action.targetPublic ?? ''].join(' \n ')) } satisfies SimilarityDoc);
  const matches = mostSimilar(reference, docs, { limit: query.limit, minScore: MIN_SCORE });
  const byId = new Map((await repo.actionSummaries(db, matches.map((m) => m.id))).map((r) => [r.id, r]));
  const places = groupPlaces(await perimeters(db, [...new Set([...byId.values()].map((r) => r.convention_id))]));
  return {
    action: { id: action.id, title: action.title, conventionId: action.conventionId },
    method: SIMILARITY_METHOD,
    comparedCount: docs.filter((d) => d.group !== action.conventionId).length,
    items: matches
      .filter((m) => byId.has(m.id))
      .map((m) => {
        const row = byId.get(m.id)!;
        return {
          id: row.id,
          title: row.title,
          description: row.description,
          status: row.status as ActionStatus,
          conventionId: row.convention_id,
          conventionTitle: row.convention_title,
          territories: places.get(row.convention_id) ?? [],
          score: Math.round(m.score * 1000) / 1000,
          matchedWords: m.words.map((w) => ({ word: w.word, stem: w.stem, share: Math.round(w.share * 1000) / 1000 })),
        };
      }),
  };
}
