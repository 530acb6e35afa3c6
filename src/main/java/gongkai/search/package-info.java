/**
 * Full-text search over published records open to everyone: Chinese analysed twice (character bigrams that every
 * term must match, smartcn words for relevance), Traditional folded to Simplified, exact document and index numbers,
 * facets and highlighting. Kept up to date by the publishing events; rebuilt from the database on demand.
 */
package gongkai.search;
