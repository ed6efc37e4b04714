UPDATE paragraphs SET kind = 'body', reason = NULL WHERE kind = 'repeated'
