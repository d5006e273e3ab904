import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './common/paths.js';

/** The pages a reader opens: the README, every page of docs/, and the README beside the reference data. */
const pages = [
  'README.md',
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'server/src/reference-data/README.md',
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces made hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

/** Every link of a page that stays in the repository, with the file it names and its anchor. */
function relativeLinks(page: string): { target: string; file: string; anchor: string | undefined }[] {
  const text = readFileSync(join(projectRoot, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => {
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = path === '' ? join(projectRoot, page) : join(projectRoot, dirname(page), decodeURI(path));
      return { target, file, anchor };
    });
}

describe('links between the documentation pages', () => {
  it.each(pages)('%s links only to files of the repository, and to headings they have', (page) => {
    const broken = relativeLinks(page)
      .filter(({ file, anchor }) => {
        if (!existsSync(file)) return true;
        if (anchor === undefined || statSync(file).isDirectory() || !file.endsWith('.md')) return false;
        return !anchorsOf(file).has(anchor);
      })
      .map(({ target, file }) => `${target} (${relative(projectRoot, file)})`);
    expect(broken).toEqual([]);
  });

  it('finds the links of the README', () => {
    expect(relativeLinks('README.md').map(({ target }) => target)).toContain('docs/configuration.md');
  });
});

describe('docs/configuration.md', () => {
  /** The variables `server/src/config.ts` reads: the keys of its environment schema. */
  const configured = [
    ...readFileSync(join(projectRoot, 'server/src/config.ts'), 'utf8')
      .split('const environmentSchema = z.object({')[1]!
      .split('\n});')[0]!
      .matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm),
  ].map((match) => match[1]!);
  /** The variables the first column of the page's table names. */
  const documented = [...readFileSync(join(projectRoot, 'docs/configuration.md'), 'utf8').matchAll(/^\| (.+?) \|/gm)]
    .flatMap((match) => [...match[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((name) => name[1]!))
    .filter((name, index, names) => names.indexOf(name) === index);

  it('reads the variables of config.ts', () => {
    expect(configured).toContain('DATABASE_URL');
    expect(configured.length).toBeGreaterThan(40);
  });

  it('describes every variable config.ts reads, and no other', () => {
    expect([...documented].sort()).toEqual([...configured].sort());
  });
});
