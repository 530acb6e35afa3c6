/**
 * Open data (三.2 数据开放): every catalogue item with a schema becomes, for each organisation that publishes under
 * it, a dataset of all the rows it has published to everyone, masked exactly as the public pages show them; targeted
 * records never enter. Datasets follow publications, revisions and withdrawals through the publishing events, and are
 * offered as CSV, XLSX and JSON downloads, through a subset of the CKAN Action API, as a DCAT-AP catalogue and as
 * Atom change feeds.
 */
package gongkai.opendata;
