-- The model server's request journals (deploy::RequestJournal): files beside the project holding
-- every answered request until request_log has it. Per journal file, how many of its records
-- (of the file's current generation) are committed to request_log: a server restarted after a
-- kill writes the rest.
CREATE TABLE request_journal (
  name       TEXT    PRIMARY KEY,  -- the file's name, beside the project
  generation INTEGER NOT NULL,     -- the file's content, counted anew each time it is emptied
  committed  INTEGER NOT NULL      -- its first `committed` records are in request_log
);
