-- One centre per gmina code: `ostoja init --teryt` and the CLI's `--centre` find a centre by it.
CREATE UNIQUE INDEX centres_teryt ON centres(teryt);
