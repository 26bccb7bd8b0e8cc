import type { ServiceContext } from '../platform/context.js';
import type { Executor } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';
import { HttpError, businessRule, notFound, staleVersion } from '../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type {
  NewsDraft,
  NewsDraftInput,
  NewsItem,
  NewsRegenerateInput,
  NewsSignatureChoice,
  NewsStatusInput,
  NewsSummary,
  NewsUpdateInput,
} from '../../shared/api/news.js';
import type { NewsStatus } from '../../shared/enums.js';
import { formatLongDate } from '../../shared/format.js';
import { draftMarkdown, type GeneratedDraft } from './draft.facts.js';
import { generateDraft } from './draft.generator.js';
import { loadDraftFacts, signaturesToCover } from './draft.loader.js';
import * as repo from './news.repository.js';
import { freeSlug, hasHumanEdits, newsTransitionProblem, slugFor } from './news.policy.js';
import { presentNewsItem, presentNewsSummary } from './news.presenter.js';
import { CAF_ROLES, principalOf, scopeOf, type ConventionScope } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';

/**
 * Each Caf writes about its own signatures: its staff see the signatures and articles of the conventions
 * of their Caf (agents limited to some conventions see those); platform administrators see all.
 */
export const newsScopeOf = (principal: Principal | null): ConventionScope => scopeOf(principal, CAF_ROLES);

function nothingToAnnounce(input: NewsDraftInput): HttpError {
  if (input.from && input.to) {
    return businessRule(
      `Aucune CTG n’a été signée entre le ${formatLongDate(input.from)} et le ${formatLongDate(input.to)} : il n’y a pas d’article à écrire pour cette période. Choisissez une autre période.`,
      'from',
    );
  }
  return businessRule('Aucune signature choisie : il n’y a pas d’article à écrire.', 'signatureEventIds');
}

/** Generates the article for a period or a set of signatures; refuses (422) when there is nothing to announce. */
async function generate(db: Executor, input: NewsDraftInput, scope: ConventionScope): Promise<GeneratedDraft> {
  const events = await signaturesToCover(db, input, scope);
  if (events.length === 0) throw nothingToAnnounce(input);
  return generateDraft(await loadDraftFacts(db, events));
}

export async function draftNews(db: Executor, scope: ConventionScope, input: NewsDraftInput): Promise<NewsDraft> {
  const draft = await generate(db, input, scope);
  return { ...draft, markdown: draftMarkdown(draft) };
}

export async function listSignatureChoices(db: Executor, scope: ConventionScope): Promise<NewsSignatureChoice[]> {
  return (await repo.signatureChoices(db, 200, scope)).map((r) => ({
    id: r.id,
    date: r.date,
    place: r.place,
    kind: r.kind,
    conventionId: r.convention_id,
    conventionTitle: r.convention_title,
  }));
}

export async function listNews(db: Executor, scope: ConventionScope, status?: NewsStatus): Promise<NewsSummary[]> {
  return (await repo.listNewsItems(db, scope, status)).map(presentNewsSummary);
}

/** An article outside the caller's scope is answered as missing, like a convention outside it. */
export async function getNewsItem(db: Executor, id: number, scope?: ConventionScope): Promise<NewsItem> {
  const row = await repo.findNewsItemRow(db, id);
  if (!row || (scope && !(await repo.isNewsItemInScope(db, id, scope)))) throw notFound('Article');
  return presentNewsItem(row, await repo.coverageOf(db, [id]));
}

const coverageOfDraft = (draft: GeneratedDraft, events: { id: number; convention_id: number }[]) => {
  const conventionOf = new Map(events.map((e) => [e.id, e.convention_id]));
  return draft.signatureEventIds.map((eventId) => ({ eventId, conventionId: conventionOf.get(eventId)! }));
};

export async function createNewsItem(ctx: ServiceContext, input: NewsDraftInput): Promise<NewsItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const events = await signaturesToCover(trx, input, newsScopeOf(principalOf(ctx)));
    if (events.length === 0) throw nothingToAnnounce(input);
    const draft = generateDraft(await loadDraftFacts(trx, events));
    const slug = slugFor(draft.title, draft.firstDate.slice(0, 4));
    const now = nowIso();
    const id = await repo.insertNewsItem(trx, {
      slug: freeSlug(slug, await repo.slugsStartingWith(trx, slug)),
      title: draft.title,
      body: draft.body,
      generated_title: draft.title,
      generated_body: draft.body,
      status: 'brouillon',
      period_from: input.signatureEventIds ? null : input.from!,
      period_to: input.signatureEventIds ? null : input.to!,
      created_at: now,
      created_by: ctx.actor,
      updated_at: now,
      updated_by: ctx.actor,
      published_at: null,
      published_by: null,
      archived_at: null,
      archived_by: null,
    });
    await repo.replaceCoverage(trx, id, coverageOfDraft(draft, events));
    const created = await getNewsItem(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'news_item', entityId: id, operation: 'create', after: created });
    return created;
  });
}

export async function updateNewsItem(ctx: ServiceContext, id: number, input: NewsUpdateInput): Promise<NewsItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getNewsItem(trx, id, newsScopeOf(principalOf(ctx)));
    if (before.version !== input.version) throw staleVersion(before);
    if (before.status === 'archive') throw businessRule('Un article archivé ne se modifie pas : repassez-le d’abord en brouillon.', 'status');
    const ok = await repo.updateNewsItem(trx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.body !== undefined && { body: input.body }),
      updated_at: nowIso(),
      updated_by: ctx.actor,
    });
    if (!ok) throw staleVersion(await getNewsItem(trx, id));
    const after = await getNewsItem(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'news_item', entityId: id, operation: 'update', before, after });
    return after;
  });
}

/** Writes the draft again from today's data; human edits are replaced only with `overwrite: true`. */
export async function regenerateNewsItem(ctx: ServiceContext, id: number, input: NewsRegenerateInput): Promise<NewsItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findNewsItemRow(trx, id);
    if (!row || !(await repo.isNewsItemInScope(trx, id, newsScopeOf(principalOf(ctx))))) throw notFound('Article');
    const before = presentNewsItem(row, await repo.coverageOf(trx, [id]));
    if (row.version !== input.version) throw staleVersion(before);
    if (row.status !== 'brouillon') throw businessRule('Seul un brouillon peut être régénéré : repassez l’article en brouillon d’abord.', 'status');
    if (hasHumanEdits(row) && !input.overwrite) {
      throw new HttpError(
        409,
        'human_edits',
        'Cet article a été modifié à la main depuis sa génération. Le régénérer remplacerait ces modifications : confirmez pour les remplacer (overwrite).',
        [{ path: 'overwrite', message: 'confirmation nécessaire pour remplacer les modifications faites à la main' }],
        before,
      );
    }
    const source: NewsDraftInput = row.period_from && row.period_to
      ? { from: row.period_from, to: row.period_to }
      : { signatureEventIds: before.signatures.map((s) => s.signatureEventId) };
    if (source.signatureEventIds?.length === 0) throw nothingToAnnounce(source);
    const events = await signaturesToCover(trx, source, await repo.cafScopeOfNewsItem(trx, id));
    if (events.length === 0) throw nothingToAnnounce(source);
    const draft = generateDraft(await loadDraftFacts(trx, events));
    const ok = await repo.updateNewsItem(trx, id, input.version, {
      title: draft.title,
      body: draft.body,
      generated_title: draft.title,
      generated_body: draft.body,
      updated_at: nowIso(),
      updated_by: ctx.actor,
    });
    if (!ok) throw staleVersion(await getNewsItem(trx, id));
    await repo.replaceCoverage(trx, id, coverageOfDraft(draft, events));
    const after = await getNewsItem(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'news_item', entityId: id, operation: 'update', before, after });
    return after;
  });
}

export async function changeNewsStatus(ctx: ServiceContext, id: number, input: NewsStatusInput): Promise<NewsItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getNewsItem(trx, id, newsScopeOf(principalOf(ctx)));
    if (before.version !== input.version) throw staleVersion(before);
    const problem = newsTransitionProblem(before.status, input.status);
    if (problem) throw businessRule(problem, 'status');
    const at = nowIso();
    const ok = await repo.updateNewsItem(trx, id, input.version, {
      status: input.status,
      updated_at: at,
      updated_by: ctx.actor,
      ...(input.status === 'publie' && { published_at: at, published_by: ctx.actor, archived_at: null, archived_by: null }),
      ...(input.status === 'archive' && { archived_at: at, archived_by: ctx.actor }),
    });
    if (!ok) throw staleVersion(await getNewsItem(trx, id));
    await recordAudit(trx, { actor: ctx.actor, entityType: 'news_item', entityId: id, operation: 'status', before: { status: before.status }, after: { status: input.status } });
    return getNewsItem(trx, id);
  });
}
