/**
 * The open-data catalogue in DCAT-AP 3.0.0, built as an Apache Jena model from the datasets and served as Turtle
 * and JSON-LD.
 */
package gongkai.opendata.internal.dcat;
