import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../sqlite';
import { foldWord, matchExpression, similarityExpression } from '../searchQuery';

describe('typed text to an FTS5 query', () => {
  it('quotes every word, so FTS5 operators and quotes are only words', () => {
    expect(matchExpression('drop NOT "table" OR (x*')).toBe('"drop" AND "NOT" AND "table" AND "OR" AND "x"*');
    expect(matchExpression('  ,;  ')).toBeNull();
  });

  it('a short last word is a prefix; a longer one stands for the index words it starts', () => {
    expect(matchExpression('replica lag')).toBe('"replica" AND "lag"*');
    expect(matchExpression('lag Replic', (p) => (p === 'replic' ? ['replica', 'replication'] : []))).toBe('"lag" AND ("replica" OR "replication")');
    expect(matchExpression('Réplic', () => [])).toBe('"Réplic"');
    expect(foldWord('Réplica')).toBe('replica');
  });

  it('every expression it makes is one FTS5 accepts', () => {
    const db = openDatabase(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')");
    db.prepare('INSERT INTO t(body) VALUES (?)').run('Replication lag on the "primary" (NOT the standby)');
    const find = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    expect(matchExpression('"')).toBeNull();
    for (const text of ['NOT', 'the standby)', 'lag replic', 'AND OR NEAR', 'prim*', 'a"b']) {
      const match = matchExpression(text, (p) => (p.startsWith('replic') ? ['replication'] : []));
      expect(() => find.all(match)).not.toThrow();
    }
    expect(find.all(matchExpression('lag replic', () => ['replication']))).toHaveLength(1);
    expect(find.all(similarityExpression(['the Replication (lag)', 'NOT']) as string)).toHaveLength(1);
    db.close();
  });
});
