// The catalogue's indexes (codes, the name-matching trie), built once for the record use cases.
import { catalogue, compileCatalogue } from '@knotwork/core';

export const compiledCatalogue = compileCatalogue(catalogue);
