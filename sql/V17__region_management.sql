-- Region management (行政区划): a retired district stays valid for history (enterprises, claims and statistics that
-- already name it) but cannot be chosen for anything new. The bootstrap imports the deployment's province, cities and
-- districts; the demo SQL still seeds its own.
ALTER TABLE region ADD COLUMN retired_at DATETIME(6) NULL;
