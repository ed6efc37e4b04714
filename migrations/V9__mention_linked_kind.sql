-- The kind the article's own linking gave a mention, kept when an alias rule has since given
-- it an entity of another kind (NULL: the entity's kind). Learned rules merge a name the
-- tagger read two ways into the kind the corpus mostly gives it ("the Donald Trump
-- campaign" read as an organisation joins the person); `merge` reads articles back as they
-- were linked, so that it learns what one load of everything would.
ALTER TABLE mentions ADD COLUMN linked_kind TEXT;
