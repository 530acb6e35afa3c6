/**
 * Shared web plumbing: the page layout, the home and domain pages that bring the catalogue together, error
 * handling (RFC 9457 problem details for the API, an error page for people), locale and caching: the public pages
 * kept in memory on each node until a change they show is committed on any node, conditional requests, compression
 * and static assets named by their content. Other modules render their own pages inside the layout this module
 * provides, and say through {@link gongkai.shared.PublicPagesChanged} when a change of theirs shows on public pages.
 */
package gongkai.web;
