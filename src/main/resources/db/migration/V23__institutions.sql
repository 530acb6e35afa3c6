-- Public institutions and social organisations (issue 13): organisations that disclose under the supervision of a
-- government body (regulator), in a sector whose catalogue section they answer for; demo marks fictitious ones.
ALTER TABLE organisation ADD COLUMN regulator VARCHAR(40);
ALTER TABLE organisation ADD COLUMN sector VARCHAR(20);
ALTER TABLE organisation ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE organisation ADD CONSTRAINT organisation_regulator_fk FOREIGN KEY (regulator) REFERENCES organisation (code);
CREATE INDEX organisation_regulator_idx ON organisation (regulator);

-- Catalogue items an organisation answers for by its sector ('|'-separated sector codes, like owner_orgs).
ALTER TABLE catalog_item ADD COLUMN owner_sectors VARCHAR(200) DEFAULT '' NOT NULL;
