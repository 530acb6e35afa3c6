-- An account whose password someone else set (a social supervisor's initial password) must change it at its first
-- sign-in before it may do anything else.
ALTER TABLE account_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
