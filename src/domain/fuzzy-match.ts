/**
 * Typo-tolerant name matching by symmetric deletion (the SymSpell idea): a name
 * token is stored under itself and every string one deletion away; a query token
 * looks up the same keys. Two tokens that share a key are within two edits of each
 * other, which covers a transposed pair ("jhon"/"john") and one wrong, missing or
 * extra letter. Candidates are then checked with the true edit distance.
 */
export function deletionKeys(token: string): string[] {
  const keys = new Set([token]);
  if (token.length >= 4) {
    for (let i = 0; i < token.length; i++) keys.add(token.slice(0, i) + token.slice(i + 1));
  }
  return [...keys];
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** Short tokens must match exactly; longer ones tolerate one typo, long ones two. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * How well a query token matches a name token, from 0 (not at all) to 1 (exactly).
 * A prefix counts almost as much as a full match, so typing "jo" finds John.
 */
export function tokenMatchScore(query: string, token: string): number {
  if (query === token) return 1;
  if (token.startsWith(query)) return 0.9;
  const distance = editDistance(query, token);
  if (distance > allowedEdits(query.length)) return 0;
  return 0.8 - 0.15 * distance;
}

/**
 * Scores a person's name tokens against every query token. Each query token must
 * match some name token; the score is the mean of the best matches, or 0.
 */
export function nameMatchScore(queryTokens: string[], personTokens: string[]): number {
  if (queryTokens.length === 0) return 0;
  let total = 0;
  for (const query of queryTokens) {
    let best = 0;
    for (const token of personTokens) best = Math.max(best, tokenMatchScore(query, token));
    if (best === 0) return 0;
    total += best;
  }
  return total / queryTokens.length;
}
