-- Stories in the JSON array ?1 left with no article (theirs were replaced).
DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?1)) AND articles = 0;
