import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidField, notFound } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { createConvention, changeConventionStatus } from '../conventions/conventions.service.js';
import { createSignatureEvent } from '../signatures/signatures.service.js';
import { createOrganisation, createPerson } from '../organisations/organisations.service.js';
import { addParty } from '../signatures/signatures.service.js';
import { getConventionDetail } from '../conventions/conventions.queries.js';
import { createAction } from '../plans/actions.service.js';
import { normalizeForSearch } from '../../shared/text.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { ConventionSource, Extraction, ImportConfirmInput, ImportConfirmResult } from '../../shared/api/imports.js';
import { extractFromText } from './extract.js';
import { textOfFile } from './file-text.js';
import { joinTransaction } from './within-transaction.js';
import * as repo from './imports.repository.js';

/** Reading only: nothing is written until the user confirms the reviewed draft. */
export async function extractText(db: Executor, text: string): Promise<Extraction> {
  return extractFromText(text, repo.databaseGazetteer(db));
}

export async function extractFile(db: Executor, fileName: string, content: Buffer): Promise<Extraction & { sourceName: string }> {
  const text = await textOfFile(fileName, content);
  if (text.trim().length < 20) throw invalidField('file', 'le fichier ne contient pas de texte lisible.');
  return { ...(await extractText(db, text)), sourceName: fileName };
}

type SignatoryInput = NonNullable<ImportConfirmInput['signature']>['signatories'][number];

/** The party a signatory signs for: the Caf, the commune, the EPCI… as the review screen said. */
function partyFor(convention: ConventionDetail, signatory: SignatoryInput) {
  if (!signatory.organisation) return null;
  const kinds: Record<string, string[]> = { caf: ['caf'], commune: ['commune'], epci: ['epci', 'ept'], departement: ['departement'], msa: ['msa'], etat: ['etat'] };
  const matching = convention.parties.filter((p) => kinds[signatory.organisation!]?.includes(p.organisation.kind));
  return matching.length === 1 ? matching[0]! : null;
}

/**
 * The other signatories the text names (MSA, département, État…): the organisation already known under
 * that name, or a new one; each becomes a signing party, so that its signatories are linked to it.
 */
async function addOtherParties(ctx: ServiceContext, trx: Executor, convention: ConventionDetail, parties: ImportConfirmInput['otherParties']): Promise<ConventionDetail> {
  const partyOrganisations = new Set(convention.parties.map((p) => p.organisation.id));
  for (const [index, party] of parties.entries()) {
    const known = await repo.findOrganisationByName(trx, party.kind, normalizeForSearch(party.name));
    const organisationId = known?.id ?? (await createOrganisation(ctx, { kind: party.kind, name: party.name })).id;
    if (partyOrganisations.has(organisationId)) throw invalidField(`otherParties.${index}.name`, `« ${party.name} » est déjà partie à la convention.`);
    partyOrganisations.add(organisationId);
    await addParty(ctx, trx, convention.id, { organisationId, role: 'signataire' });
  }
  return getConventionDetail(trx, convention.id);
}

/**
 * Creates the reviewed convention, its signature (persons matched by name or created), its actions and
 * keeps the source text, in one transaction through the usual services: all of it, or nothing.
 */
export async function confirmImport(ctx: ServiceContext, input: ImportConfirmInput): Promise<ImportConfirmResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const inner = joinTransaction(ctx, trx);
    let convention = await createConvention(inner, input.convention);
    if (input.otherParties.length > 0) convention = await addOtherParties(inner, trx, convention, input.otherParties);
    let signatureEventId: number | null = null;
    let personsCreated = 0;
    let personsMatched = 0;
    if (input.signature) {
      const signatories: { personId: number; partyId: number | null; capacity: string }[] = [];
      for (const [index, s] of input.signature.signatories.entries()) {
        const party = partyFor(convention, s);
        const existing = await repo.findPersonsByName(trx, normalizeForSearch(`${s.firstName} ${s.lastName}`));
        let personId: number;
        if (existing.length > 0) {
          personId = existing[0]!.id;
          personsMatched++;
        } else {
          const mandates = party ? [{ organisationId: party.organisation.id, capacity: s.capacity }] : [];
          personId = (await createPerson(inner, { firstName: s.firstName, lastName: s.lastName, mandates })).id;
          personsCreated++;
        }
        if (signatories.some((x) => x.personId === personId)) {
          throw invalidField(`signature.signatories.${index}.lastName`, `${s.firstName} ${s.lastName} est cité deux fois parmi les signataires.`);
        }
        signatories.push({ personId, partyId: party?.id ?? null, capacity: s.capacity });
      }
      const event = await createSignatureEvent(inner, convention.id, {
        date: input.signature.date,
        place: input.signature.place ?? null,
        kind: 'convention',
        description: input.sourceName ? `Importée depuis « ${input.sourceName} »` : 'Importée depuis un texte',
        signatories,
      });
      signatureEventId = event.id;
      if (input.markSigned) {
        const current = await repo.conventionVersion(trx, convention.id);
        convention = await changeConventionStatus(inner, convention.id, {
          version: current,
          status: 'signee',
          effectiveDate: input.signature.date,
          comment: 'Signature reprise du texte importé',
        });
      }
    } else if (input.markSigned) {
      throw invalidField('markSigned', 'indiquez la date de la signature pour marquer la convention comme signée.');
    }
    for (const action of input.actions) {
      await createAction(inner, convention.id, { title: action.title, description: action.description ?? null, themes: action.themes });
    }
    const now = nowIso();
    await repo.insertConventionSource(trx, { convention_id: convention.id, source_name: input.sourceName ?? null, text: input.sourceText, created_at: now, actor: ctx.actor });
    await recordAudit(trx, {
      actor: ctx.actor,
      entityType: 'convention_source',
      entityId: convention.id,
      operation: 'create',
      after: { sourceName: input.sourceName ?? null, length: input.sourceText.length, actions: input.actions.length, signatureEventId },
    });
    return { conventionId: convention.id, signatureEventId, actionCount: input.actions.length, personsCreated, personsMatched };
  });
}

export async function getConventionSource(db: Executor, conventionId: number): Promise<ConventionSource> {
  const row = await repo.findConventionSource(db, conventionId);
  if (!row) throw notFound(`Texte source de la convention ${conventionId}`);
  return { conventionId: row.convention_id, sourceName: row.source_name, text: row.text, createdAt: row.created_at };
}
