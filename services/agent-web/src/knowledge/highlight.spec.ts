import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it('splits a highlight into plain and marked text and unescapes it', () => {
    expect(highlightParts('<mark>Snöröjning</mark> på gång &amp; cykel&lt;väg&gt; <mark>plog</mark>')).toEqual([
      { text: 'Snöröjning', marked: true },
      { text: ' på gång & cykel<väg> ', marked: false },
      { text: 'plog', marked: true },
    ]);
  });

  it('keeps escaped markup as text', () => {
    expect(highlightParts('&lt;mark&gt;not a mark&lt;/mark&gt;')).toEqual([
      { text: '<mark>not a mark</mark>', marked: false },
    ]);
  });
});
