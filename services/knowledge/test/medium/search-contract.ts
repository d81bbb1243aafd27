import type { ArticleKind, SearchArticlesRequest, SearchResult } from '@arende/contracts';
import type { KnowledgeSearch } from '../../src/search/knowledge-search.js';

/** An article as the contract publishes it. */
export interface ContractArticle {
  kind?: ArticleKind;
  title: string;
  summary?: string;
  body?: string;
  tags?: string[];
  folderId?: string | null;
  caseTypeIds?: string[];
}

/** How a back end is driven by the contract: each back end's test file provides one. */
export interface SearchContractHarness {
  search: KnowledgeSearch;
  /** Makes an article findable; returns its id. */
  publish(article: ContractArticle): Promise<string>;
  /** Makes it unfindable again. */
  withdraw(id: string): Promise<void>;
  /** A new folder (under `parentId`); returns its id. */
  folder(parentId: string | null): Promise<string>;
  /** Replaces the synonym groups. */
  synonyms(groups: string[][]): Promise<void>;
}

/**
 * The behaviour every search back end must show, in Swedish. Each article is built here with words of its
 * own, so one test's data cannot satisfy another's assertion.
 */
export function searchContract(backend: string, harness: () => SearchContractHarness): void {
  const find = async (q: string, more: Partial<SearchArticlesRequest> = {}): Promise<SearchResult> =>
    await harness().search.search({ q, limit: 20, ...more });
  const ids = (result: SearchResult) => result.items.map((hit) => hit.id);

  describe(`search contract: ${backend}`, () => {
    it('finds every inflection of a word from any other (bygglov, bygglovet, bygglovs)', async () => {
      const h = harness();
      const plain = await h.publish({ title: 'Altan på tomten', body: 'Du behöver bygglov för en hög altan.' });
      const definite = await h.publish({ title: 'Handläggningstid', body: 'Bygglovet gäller i fem år.' });
      const genitive = await h.publish({ title: 'Avgifter', body: 'Bygglovs avgift tas ut enligt taxan.' });
      for (const q of ['bygglov ', 'bygglovet ', 'bygglovs ', 'Bygglovet']) {
        expect(ids(await find(q)).sort()).toEqual([plain, definite, genitive].sort());
      }
    });

    it('expands a query with the city’s synonyms, and only once they are saved', async () => {
      const h = harness();
      const id = await h.publish({ title: 'Plogning av gång- och cykelvägar', body: 'Vi plogar när det fallit snö.' });
      expect(ids(await find('snöröjning '))).toEqual([]);
      await h.synonyms([['snöröjning', 'plogning', 'snöplogning']]);
      const result = await find('snöröjning ');
      expect(ids(result)).toEqual([id]);
      expect(result.expandedWith).toEqual(expect.arrayContaining(['plogning']));
      await h.synonyms([]);
      expect(ids(await find('snöröjning '))).toEqual([]);
    });

    it('tolerates a misspelt word and says what it searched for instead', async () => {
      const id = await harness().publish({
        title: 'Sophämtning vid jul',
        body: 'Hämtningen av hushållsavfall flyttas.',
      });
      const result = await find('sophämtnig ');
      expect(ids(result)).toEqual([id]);
      expect(result.expandedWith).toContain('sophämtning');
    });

    it('matches the word being typed as a prefix, and a finished short word only whole', async () => {
      const id = await harness().publish({
        title: 'Ansöka om hemtjänst',
        body: 'Biståndshandläggaren utreder behovet.',
      });
      expect(ids(await find('hem'))).toEqual([id]);
      expect(ids(await find('hemtj'))).toEqual([id]);
      expect(ids(await find('biståndshand'))).toEqual([id]);
      expect(ids(await find('hem '))).toEqual([]);
    });

    it('needs every word to match', async () => {
      const h = harness();
      const both = await h.publish({ title: 'Vattenmätare i källaren', body: 'Mätaren byts vart tionde år.' });
      await h.publish({ title: 'Vattenläcka på gatan', body: 'Ring felanmälan dygnet runt.' });
      expect(ids(await find('vattenmätare källaren'))).toEqual([both]);
    });

    it('ranks an exact title match first, over articles that use the word more', async () => {
      const h = harness();
      const heavy = await h.publish({
        title: 'Felparkerade bilar och kranbilar',
        summary: 'Kranbilsparkering, kranbilsavgift och kranbilstaxa.',
        body: 'Kranbil kranbil kranbil. En kranbil hämtar bilen. Kranbil igen.',
        tags: ['kranbil'],
      });
      const exact = await h.publish({ title: 'Kranbil', body: 'Se även felparkering.' });
      const result = await find('kranbil');
      expect(ids(result)).toContain(heavy);
      expect(ids(result)[0]).toBe(exact);
    });

    it('filters on kind, on a folder with its subfolders, and on case type', async () => {
      const h = harness();
      const parent = await h.folder(null);
      const child = await h.folder(parent);
      const other = await h.folder(null);
      const script = await h.publish({ kind: 'call_script', title: 'Gatubelysning trasig', folderId: child });
      const checklist = await h.publish({
        kind: 'checklist',
        title: 'Gatubelysning: vad vi frågar',
        folderId: other,
        caseTypeIds: ['belysning'],
      });
      const info = await h.publish({ kind: 'information', title: 'Gatubelysning i parker', folderId: parent });
      expect(ids(await find('gatubelysning', { kinds: ['checklist'] }))).toEqual([checklist]);
      expect(ids(await find('gatubelysning', { folderId: parent })).sort()).toEqual([script, info].sort());
      expect(ids(await find('gatubelysning', { caseTypeId: 'belysning' }))).toEqual([checklist]);
      expect(ids(await find('gatubelysning')).sort()).toEqual([script, checklist, info].sort());
    });

    it('highlights the matched words in the title and a snippet, escaping the text', async () => {
      const id = await harness().publish({
        title: 'Kompostering <hemma>',
        body: 'Inledning. '.repeat(40) + 'Kompostgaller & kompostering beställs via e-tjänsten. ' + 'Slut. '.repeat(40),
      });
      const [hit] = (await find('kompostering ')).items;
      expect(hit.id).toBe(id);
      expect(hit.titleHighlight).toBe('<mark>Kompostering</mark> &lt;hemma&gt;');
      expect(hit.snippet).toContain('<mark>kompostering</mark>');
      expect(hit.snippet).toContain('&amp;');
      expect(hit.snippet).not.toContain('<hemma>');
    });

    it('forgets a withdrawn article, and finds nothing for an empty or stop-word-only query', async () => {
      const h = harness();
      const id = await h.publish({ title: 'Borgerlig vigsel i stadshuset' });
      expect(ids(await find('vigsel '))).toEqual([id]);
      await h.withdraw(id);
      expect(ids(await find('vigsel '))).toEqual([]);
      expect((await find('')).items).toEqual([]);
      expect((await find('och ')).items).toEqual([]);
    });

    it('suggests articles for a case: any word may match, articles linked to its case type first', async () => {
      const h = harness();
      const text = await h.publish({ title: 'Trasig lekplats', body: 'Gungan på lekplatsen är trasig.' });
      const linked = await h.publish({ title: 'Felanmälan i parker', caseTypeIds: ['park-fel'] });
      const result = await h.search.suggest({
        text: 'Gungan har gått sönder\nPå lekplatsen vid skolan hänger gungan i en kedja.',
        limit: 5,
        caseTypeId: 'park-fel',
      });
      expect(ids(result).slice(0, 2)).toEqual([linked, text]);
    });
  });
}
