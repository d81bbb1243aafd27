import { CreateArticleRequestV1, saveSynonymGroupV1 } from '@arende/contracts';
import { CASE_TYPES } from './catalogue.js';
import { DEMO_ARTICLES, DEMO_SYNONYMS } from './demo-articles.js';

describe('demo knowledge articles', () => {
  it('are valid articles, each linked to case types of the catalogue', () => {
    const caseTypes = new Set(CASE_TYPES.map((c) => c.id));
    for (const demo of DEMO_ARTICLES) {
      expect(CreateArticleRequestV1.safeParse(demo.article).error?.issues ?? []).toEqual([]);
      expect(demo.caseTypeIds.length).toBeGreaterThan(0);
      for (const id of demo.caseTypeIds) expect(caseTypes.has(id)).toBe(true);
    }
  });

  it('have synonym groups the API accepts, no word in two groups', () => {
    for (const terms of DEMO_SYNONYMS) {
      expect(saveSynonymGroupV1.request.safeParse({ terms }).error?.issues ?? []).toEqual([]);
    }
    const words = DEMO_SYNONYMS.flat();
    expect(new Set(words).size).toBe(words.length);
  });
});
