import { replaceEvidenceTriggerUrl } from '../../../src/forge/webtrigger-url';

describe('the web trigger URL', () => {
  it('replaces a leaked URL: the new one is made before the old one is deleted', async () => {
    const calls: string[] = [];
    const urls = ['https://old.example/x1/leaked'];
    const api = {
      getUrl: async () => {
        calls.push('create');
        urls.push('https://new.example/x1/fresh');
        return 'https://new.example/x1/fresh';
      },
      queryUrls: async () => urls.map((url) => ({ moduleKey: 'ml-lanes-evidence', url })),
      deleteUrl: async (url: string) => {
        calls.push(`delete ${url}`);
        urls.splice(urls.indexOf(url), 1);
      },
    };
    expect(await replaceEvidenceTriggerUrl(api)).toBe('https://new.example/x1/fresh');
    expect(calls).toEqual(['create', 'delete https://old.example/x1/leaked']);
    expect(urls).toEqual(['https://new.example/x1/fresh']);
  });
});
