import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { Territory, TerritoryDetail } from '../../shared/api/territories.js';
import { loadTerritories } from './territories.loader.js';

describe.each(ENGINES)('territories (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const search = async (query: string) =>
    (await t.request<Territory[]>({ method: 'GET', url: `/api/v1/territories?${query}` })).body;

  it('finds communes by name without accents or case, and by code', async () => {
    expect((await search('q=chatenay'))[0]).toMatchObject({ code: '92019', name: 'Châtenay-Malabry', population: 35825 });
    expect((await search('q=ISSY LES'))[0]!.code).toBe('92040');
    expect((await search('q=ville d avray'))[0]!.name).toBe("Ville-d'Avray");
    expect((await search('q=92040')).map((x) => x.name)).toEqual(['Issy-les-Moulineaux']);
    expect((await search('q=boulogne&kind=commune')).map((x) => x.code)).toEqual(['92012']);
  });

  it('knows the EPT Grand Paris Seine Ouest, its eight communes and the Métropole du Grand Paris', async () => {
    const gpso = (await t.request<TerritoryDetail>({ method: 'GET', url: '/api/v1/territories/200057974' })).body;
    expect(gpso).toMatchObject({ kind: 'ept', name: 'Grand Paris Seine Ouest' });
    expect(gpso.members.map((m) => m.name)).toEqual([
      'Boulogne-Billancourt', 'Chaville', 'Issy-les-Moulineaux', 'Marnes-la-Coquette', 'Meudon', 'Sèvres', 'Vanves', "Ville-d'Avray",
    ]);
    expect(gpso.population).toBe(gpso.members.reduce((s, m) => s + (m.population ?? 0), 0));
    const boulogne = (await t.request<TerritoryDetail>({ method: 'GET', url: '/api/v1/territories/92012' })).body;
    expect(boulogne.groups.map((g) => g.code).sort()).toEqual(['200054781', '200057974', '92']);
    expect(boulogne.postalCodes).toEqual(['92100']);
    const department = (await t.request<TerritoryDetail>({ method: 'GET', url: '/api/v1/territories/92' })).body;
    expect(department.members).toHaveLength(36);
    expect(department.population).toBe(1654712);
  });

  it('rejects a malformed code and answers 404 for an unknown one', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/territories/abc' })).status).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/territories/99999' })).status).toBe(404);
  });
});

describe.each(ENGINES)('loading the whole Code officiel géographique (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.drop());

  it('loads every commune, EPCI, EPT and département, and a second load changes nothing', async () => {
    const first = await loadTerritories(database.db);
    expect(first.communes).toBe(34969);
    expect(first.departements).toBe(109);
    const count = async () => {
      const rows = await database.db.selectFrom('territory').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').orderBy('kind').execute();
      const members = await database.db.selectFrom('territory_member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { kinds: rows.map((r) => [r.kind, Number(r.n)]), members: Number(members?.n) };
    };
    const before = await count();
    expect(before.kinds).toEqual([['commune', 34969], ['departement', 109], ['epci', 1255], ['ept', 11]]);
    await loadTerritories(database.db);
    expect(await count()).toEqual(before);
    const total = await database.db.selectFrom('territory').select((eb) => eb.fn.sum<number>('population').as('p')).where('kind', '=', 'commune').executeTakeFirst();
    expect(Number(total?.p)).toBe(68952941);
  });
});
