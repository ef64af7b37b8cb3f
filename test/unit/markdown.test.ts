import { md } from '../../src/cli/markdown';

describe('Markdown report escaping', () => {
  it('shows HTML in a summary as text', () => {
    expect(md('Fix <b>bold</b> & <script>alert(1)</script>')).toBe(
      'Fix &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('keeps a multi-line goal on one line, so it cannot start headings, lists or rules', () => {
    expect(md('Ship v1\n\n---\n- [x] fake ~~done~~')).toBe('Ship v1 --- - \\[x\\] fake \\~\\~done\\~\\~');
  });

  it('escapes table pipes and emphasis', () => {
    expect(md('a | b *c* _d_')).toBe('a \\| b \\*c\\* \\_d\\_');
  });
});
