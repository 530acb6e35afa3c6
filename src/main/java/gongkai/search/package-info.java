/**
 * Full-text search over published records open to everyone: Chinese analysed twice (character bigrams that every
 * term must match, smartcn words for relevance), Traditional folded to Simplified, exact document and index numbers,
 * facets (with a kind of document read from each record), highlighting, and suggestions while typing. Kept up to date
 * by the publishing events; rebuilt from the database on demand.
 */
package gongkai.search;
