/**
 * Shared web plumbing: the page layout, the home and domain pages that bring the catalogue together, error
 * handling (RFC 9457 problem details for the API, an error page for people), locale and caching headers.
 * Other modules render their own pages inside the layout this module provides.
 */
package gongkai.web;
